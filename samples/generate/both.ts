/**
 * Sample `both` of issue #4 (per-page decision 'both'): ONE A4 page whose prose is born-digital
 * text while its ruled table is a scanned image. It is seed page 2 (the budget note's attachment
 * page) printed again by Chromium with the seed's HTML and CSS (gongwen-html.ts, AR PL UMing CN):
 * '附件：', the caption and '单位：万元' are real text; the budget table is an <img>, a crop of the
 * table region of seed page 2 rendered from samples/seed/seed.pdf (poppler, 200 dpi grey) and
 * "scanned" like the scan-* pages (scan-image.ts scanGray: rotated, noise, blur, JPEG 75). The image is
 * placed (CSS absolute, points) on the crop's own box, so it shows the table at the seed's size and
 * place (14 pt cell text) and everything outside it renders as on the seed page. The footer is the
 * seed page's `— 2 —` (left side).
 * The generator checks its output: one page, size, exactly one image painted on the crop box at
 * the scan's resolution, the text layer (pdf.js) holds the text facts and none of the table's cell
 * text, the exact strings (CJK–digit spaces) in poppler's text, and the page rendered by poppler
 * identical to seed page 2 outside the image box.
 * `expected/` as for the scanned samples (scan-expected.ts), with method 'both'.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from './blocks.ts';
import { blocksToHtml, PAGE_MARGINS_PT } from './gongwen-html.ts';
import { checkFactsOnSeedPages, layoutPageTexts, loadSeedTables, writeSliceExpected, type SliceFacts } from './scan-expected.ts';
import { cropGray } from '../../src/raster/crop.ts';
import { DEFAULT_SCAN, readPgm, scanGray, scanToolVersions, seedToAngles, type ScanSettings } from './scan-image.ts';
import { readSeed } from './seed-parse.ts';
import { seedToModel } from './seed-model.ts';
import { chromiumPrint, pageCount, pdfjsPageImages, pdfjsPageTexts, run, tempDir, writeJson } from './tools.ts';

/** The sample; its text facts (SliceFacts) are all in the text layer, `mustContainExact` exactly. */
export interface BothSpec extends SliceFacts {
  readonly name: string;
  readonly description: string;
  /** the seed page reprinted (its blocks after the budget note's page break) */
  readonly seedPage: number;
  readonly dpi: number;
  /** seed of the angle (mulberry32, as scan-*) and, plus 1, of the noise */
  readonly seed: number;
  /** white margin around the table's outer rules in the crop, px at `dpi` */
  readonly marginPx: number;
  readonly maxBytes: number;
}

export const BOTH_SAMPLE: BothSpec = {
  name: 'both',
  description:
    'seed page 2 reprinted by Chromium: 附件, caption and unit line as born-digital text, the budget table as a scanned image (200 dpi grey crop, rotated, noise, JPEG 75) at its original place and size',
  seedPage: 2,
  dpi: 200,
  seed: 4405,
  marginPx: 14,
  maxBytes: 400 * 1024,
  mustContain: ['附件：', '汉阳区2022年乡村振兴和结对帮扶资金预算安排情况', '单位：万元'],
  mustContainExact: ['汉阳区 2022 年乡村振兴和结对帮扶资金预算安排情况'],
  notes: [
    "one page, read 'both': '附件：', the caption and '单位：万元' are a real text layer (AR PL UMing CN, Chromium); the budget table is one grey JPEG (a 200 dpi scan of the table region of seed page 2) with no text",
    'the table (3 rows, 合计 letter-spaced) is only in the image: read it by OCR; the text layer holds none of its cells',
    'mustContainExact strings are from the text layer (OCR cannot see the spaces between CJK and digits)',
  ],
};

/** A box in pixels of a render: columns x0..x1-1, rows y0..y1-1. */
interface PxBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The outer box of the ruled table on a grey page render: the union of the dark runs (< 128) at
 * least half the page wide along rows and at least `minV` long down columns (its rules).
 */
function ruledBox(img: { width: number; height: number; data: Uint8Array }, minV: number): PxBox {
  const { width: w, height: h, data } = img;
  const dark = (x: number, y: number) => data[y * w + x]! < 128;
  const box: PxBox = { x0: w, y0: h, x1: 0, y1: 0 };
  const add = (x0: number, y0: number, x1: number, y1: number) => {
    box.x0 = Math.min(box.x0, x0);
    box.y0 = Math.min(box.y0, y0);
    box.x1 = Math.max(box.x1, x1);
    box.y1 = Math.max(box.y1, y1);
  };
  const runs = (outer: number, inner: number, at: (o: number, i: number) => boolean, min: number, f: (o: number, from: number, to: number) => void) => {
    for (let o = 0; o < outer; o++) {
      let s = -1;
      for (let i = 0; i <= inner; i++) {
        const d = i < inner && at(o, i);
        if (d && s < 0) s = i;
        if (!d && s >= 0) {
          if (i - s >= min) f(o, s, i);
          s = -1;
        }
      }
    }
  };
  runs(h, w, (y, x) => dark(x, y), w / 2, (y, a, b) => add(a, y, b, y + 1));
  runs(w, h, (x, y) => dark(x, y), minV, (x, a, b) => add(x, a, x + 1, b));
  if (box.x1 <= box.x0 || box.y1 <= box.y0) throw new Error('no ruled table on the page');
  return box;
}

/** Pixels of `img` darker than 200 (ink) inside `box` but outside `inner`. */
function inkBetween(img: { width: number; data: Uint8Array }, box: PxBox, inner: PxBox): number {
  let n = 0;
  for (let y = box.y0; y < box.y1; y++)
    for (let x = box.x0; x < box.x1; x++) if ((x < inner.x0 || x >= inner.x1 || y < inner.y0 || y >= inner.y1) && img.data[y * img.width + x]! < 200) n++;
  return n;
}

/** Pixels that differ between two renders of the same size outside `box`. */
function diffOutside(a: { width: number; height: number; data: Uint8Array }, b: { width: number; height: number; data: Uint8Array }, box: PxBox): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`renders differ in size: ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  let n = 0;
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) if ((x < box.x0 || x >= box.x1 || y < box.y0 || y >= box.y1) && a.data[y * a.width + x] !== b.data[y * a.width + x]) n++;
  return n;
}

/** The seed's blocks of `seedPage` of the budget note before its table: '附件：', caption, unit. */
function attachmentBlocks(root: string, seedPage: number): Block[] {
  const blocks = seedToModel(readSeed(join(root, 'samples/seed-source/notice.txt'))).docs[0]!;
  const breaks = blocks.flatMap((b, i) => (b.kind === 'pagebreak' ? [i] : []));
  if (breaks.length !== seedPage - 1) throw new Error(`budget note: ${breaks.length} page breaks, expected seed page ${seedPage} to be the last`);
  const page = blocks.slice(breaks[breaks.length - 1]! + 1);
  const kinds = page.map((b) => b.kind).join(' ');
  if (kinds !== 'p caption unit table') throw new Error(`seed page ${seedPage}: blocks '${kinds}', expected 'p caption unit table'`);
  return page.slice(0, 3);
}

/** Builds samples/both/. */
export async function buildBoth(root: string, spec: BothSpec = BOTH_SAMPLE): Promise<void> {
  const seedPdf = join(root, 'samples/seed/seed.pdf');
  const layoutTexts = layoutPageTexts(seedPdf);
  checkFactsOnSeedPages(spec.name, spec.mustContain, layoutTexts, [spec.seedPage]);
  const outDir = join(root, 'samples', spec.name);
  const srcDir = join(outDir, 'source');
  mkdirSync(srcDir, { recursive: true });
  const pdfPath = join(outDir, `${spec.name}.pdf`);
  const pt = (px: number) => (px * 72) / spec.dpi;
  const tmp = tempDir('gw-both-');
  try {
    // the table's box on the seed page, the crop around it, and its scan
    const render = (pdf: string, page: number, base: string) => {
      run('pdftoppm', ['-gray', '-r', String(spec.dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, join(tmp.dir, base)]);
      return readPgm(join(tmp.dir, `${base}.pgm`));
    };
    const seedImg = render(seedPdf, spec.seedPage, 'seed');
    const table = ruledBox(seedImg, spec.dpi); // vertical rules of an inch or more
    const m = spec.marginPx;
    const crop: PxBox = { x0: table.x0 - m, y0: table.y0 - m, x1: table.x1 + m, y1: table.y1 + m };
    const width = crop.x1 - crop.x0;
    const height = crop.y1 - crop.y0;
    const stray = inkBetween(seedImg, crop, table);
    if (stray > 0) throw new Error(`${spec.name}: ${stray} ink pixels between the table and the crop edge (caption or unit line inside the crop?)`);
    const settings: ScanSettings = { ...DEFAULT_SCAN, dpi: spec.dpi, seed: spec.seed };
    const angleDeg = seedToAngles(spec.seed, 1, settings.minAngleDeg, settings.maxAngleDeg)[0]!;
    const noiseSeed = spec.seed + 1;
    // the rotated table's corners must stay inside the crop (2 px of slack)
    const swing = ((table.x1 - table.x0) / 2) * Math.sin((Math.abs(angleDeg) * Math.PI) / 180);
    if (swing + 2 > m) throw new Error(`${spec.name}: a ${angleDeg}° turn moves the table's corners ${swing.toFixed(1)} px, more than the ${m} px margin allows`);
    const cropped = cropGray(seedImg, { x0: crop.x0, top: crop.y0, x1: crop.x1, bottom: crop.y1 });
    if (cropped.width !== width || cropped.height !== height) throw new Error(`${spec.name}: the crop leaves the page (${cropped.width}×${cropped.height} px)`);
    const jpg = join(srcDir, 'table-scan.jpg');
    writeFileSync(jpg, (await scanGray(cropped, { angleDeg, noiseSeed }, settings)).bytes);

    // the page: the seed's blocks before the table, the scan at the crop's place (points)
    const text = attachmentBlocks(root, spec.seedPage);
    const side = spec.seedPage % 2 === 0 ? 'left' : 'right';
    const html = blocksToHtml(
      text,
      { font: "'AR PL UMing CN'", footer: '"— " counter(page) " —"', footerSide: 'outer', firstPage: { footer: `"— ${spec.seedPage} —"`, side } },
      `${spec.name}: seed page ${spec.seedPage} with its table scanned`,
    );
    // Chromium snaps an image's layout box to whole CSS px (0.75 pt), so the box is the image's pixels
    // (integers) and a transform scales it to the dpi and moves it onto the crop's place; the page
    // area starts at the page margins rounded to whole CSS px (68pt → 68.25pt)
    const cssPx = (p: number) => Math.round(p / 0.75) * 0.75;
    const place = { left: pt(crop.x0) - cssPx(PAGE_MARGINS_PT.left), top: pt(crop.y0) - cssPx(PAGE_MARGINS_PT.top), scale: 96 / spec.dpi };
    const f = (x: number) => `${+x.toFixed(4)}pt`;
    const img = `<img src="table-scan.jpg" alt="" style="position:absolute;left:0;top:0;width:${width}px;height:${height}px;transform-origin:0 0;transform:translate(${f(place.left)},${f(place.top)}) scale(${place.scale})">`;
    // Chromium shrinks the whole page when content reaches more than ~1pt past the text block, and the
    // crop does on the right: the page area is widened into the right margin and the body narrowed
    // back by the same amount (whole CSS px: 3pt = 4px steps), so the text lays out as on the seed page
    const widen = 3 * Math.ceil((pt(crop.x1) - (pt(seedImg.width) - PAGE_MARGINS_PT.right) + 1) / 3);
    const css = `@page { margin-right: ${PAGE_MARGINS_PT.right - widen}pt; }\nbody { margin-right: ${widen}pt; }\n`;
    const htmlPath = join(srcDir, `${spec.name}.html`);
    writeFileSync(htmlPath, html.replace('</style>', `${css}</style>`).replace('\n</body>', `\n${img}\n</body>`));
    const printed = join(tmp.dir, 'printed.pdf');
    chromiumPrint(htmlPath, printed);
    run('qpdf', ['--deterministic-id', '--object-streams=generate', '--compression-level=9', printed, pdfPath]);

    // checks of the output
    const size = statSync(pdfPath).size;
    if (size > spec.maxBytes) throw new Error(`${spec.name}: ${size} bytes, more than ${spec.maxBytes}`);
    if (pageCount(pdfPath) !== 1) throw new Error(`${spec.name}: ${pageCount(pdfPath)} pages, expected 1`);
    const images = (await pdfjsPageImages(pdfPath))[0]!;
    if (images.length !== 1) throw new Error(`${spec.name}: ${images.length} images painted, expected 1`);
    const got = images[0]!;
    const want = { x0: pt(crop.x0), top: pt(crop.y0), width: pt(width), height: pt(height) };
    const off = Math.max(...(['x0', 'top', 'width', 'height'] as const).map((k) => Math.abs(got[k] - want[k])));
    if (off > 0.1) throw new Error(`${spec.name}: image painted at ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    const listed = run('pdfimages', ['-list', pdfPath]).trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/));
    if (listed.length !== 1) throw new Error(`${spec.name}: pdfimages lists ${listed.length} images`);
    const [, , , iw, ih, color, , , enc, , , , xppi, yppi] = listed[0]!;
    // @napi-rs/canvas writes 3-component JPEGs (grey content, R = G = B): 'rgb' unless the printer converts
    if (`${iw}x${ih}` !== `${width}x${height}` || !['gray', 'rgb'].includes(color!)) throw new Error(`${spec.name}: image ${iw}x${ih} ${color}, expected ${width}x${height} gray or rgb`);

    const layer = (await pdfjsPageTexts(pdfPath))[0]!;
    const flat = layer.replace(/\s+/g, '');
    for (const s of spec.mustContain) if (!flat.includes(s.replace(/\s+/g, ''))) throw new Error(`${spec.name}: '${s}' is not in the text layer`);
    const budget = loadSeedTables(root).find((t) => t.pages?.includes(spec.seedPage))!;
    // cell text that is not also part of a text fact ('汉阳区' is in the caption)
    const facts = spec.mustContain.map((s) => s.replace(/\s+/g, '')).join('\n');
    const cells = [...budget.header, ...budget.rows.flat()].filter((c) => c !== '' && !facts.includes(c));
    const leaked = cells.filter((c) => flat.includes(c));
    if (cells.length < 10 || leaked.length) throw new Error(`${spec.name}: table cells in the text layer: ${leaked.join(', ')} (of ${cells.length} checked)`);
    const poppler = run('pdftotext', [pdfPath, '-']);
    for (const s of spec.mustContainExact) if (!poppler.includes(s)) throw new Error(`${spec.name}: '${s}' is not (exactly) in the text layer`);
    // poppler's image smoothing bleeds into the pixel next to the image's edge (≤ 11 grey levels)
    const differ = diffOutside(render(pdfPath, 1, 'new'), seedImg, { x0: crop.x0 - 1, y0: crop.y0 - 1, x1: crop.x1 + 1, y1: crop.y1 + 1 });
    if (differ > 0) throw new Error(`${spec.name}: ${differ} pixels outside the image differ from seed page ${spec.seedPage}`);

    writeSliceExpected(outDir, [budget], layoutTexts, [{ seedPage: spec.seedPage, method: 'both' }], spec);
    writeJson(join(outDir, 'source.json'), {
      sample: spec.name,
      description: spec.description,
      source: 'samples/seed/seed.pdf',
      pages: [{ page: 1, seedPage: spec.seedPage, method: 'both' }],
      text: {
        html: `samples/${spec.name}/source/${spec.name}.html`,
        blocks: "the seed's blocks of the page before the table ('附件：', caption, unit), gongwen-html.ts, AR PL UMing CN",
        footer: `"— ${spec.seedPage} —" on the ${side} (@page :first), as on the seed page`,
        printer: 'chromium --headless --print-to-pdf, then qpdf --deterministic-id --object-streams=generate',
      },
      image: {
        file: `samples/${spec.name}/source/table-scan.jpg`,
        seedPage: spec.seedPage,
        render: `pdftoppm -gray -r ${spec.dpi}`,
        tableBoxPx: table,
        cropBoxPx: crop,
        marginPx: m,
        widthPx: width,
        heightPx: height,
        placedPt: { x0: +want.x0.toFixed(2), top: +want.top.toFixed(2), width: +want.width.toFixed(2), height: +want.height.toFixed(2) },
        pdfimages: { encoding: enc, xppi: Number(xppi), yppi: Number(yppi) },
        angleDeg,
        noiseSeed,
        rotation: { minDeg: settings.minAngleDeg, maxDeg: settings.maxAngleDeg, sign: 'random', rng: 'mulberry32', seed: spec.seed, about: 'crop centre, same size as the crop, white fill (@napi-rs/canvas, bilinear)' },
        noise: `Gaussian, sigma ${settings.noiseSigma} grey levels, Box–Muller on mulberry32(${noiseSeed})`,
        blur: `Gaussian, sigma ${((settings.blurSigma200 * spec.dpi) / 200).toFixed(2)} px (after the noise)`,
        jpegQuality: settings.jpegQuality,
        jpegBytes: readFileSync(jpg).length,
      },
      checks:
        'one image painted on the crop box (pdf.js operator list, ±0.1 pt); text facts in the pdf.js text layer and no table cell; mustContainExact in pdftotext; poppler renders the page like the seed page outside the image box (same pixels)',
      tools: {
        chromium: run('chromium', ['--version']).trim(),
        ...scanToolVersions(),
        qpdf: run('qpdf', ['--version']).split('\n')[0]!.trim(),
      },
      bytes: size,
    });
    console.log(`${spec.name}: 1 page, ${(size / 1024).toFixed(0)} KiB, table ${width}×${height} px scanned at ${angleDeg}°, image ${enc} ${xppi}×${yppi} ppi`);
  } finally {
    tmp.done();
  }
}

/** The builder for main.ts. */
export function bothBuilders(root: string): Record<string, () => Promise<void>> {
  return { [BOTH_SAMPLE.name]: () => buildBoth(root) };
}
