/**
 * Broken-text-layer samples of issue #4, made from born-digital pages of samples/seed/seed.pdf whose
 * text layer is broken while the page still renders the same:
 *  - `garbled`: seed pages 1–2 (the budget note and its table); every destination of the embedded
 *    fonts' ToUnicode CMaps is moved into the private-use area (U+E000…), so pdf.js reads
 *    private-use code points only;
 *  - `no-tounicode`: seed page 8 (the first village-table page); /ToUnicode is deleted from the
 *    embedded fonts, so pdf.js reads the glyph ids as character codes (controls, stray scripts).
 * The pages are cut with `qpdf --pages`, the font dictionaries edited with pdf-lib, and the file is
 * written by `qpdf --deterministic-id` (same input, same bytes). The generator checks its output:
 * page count, size, each page rendered by poppler identical to its seed page, pdf.js text broken
 * (no text fact readable), every text fact on its seed page. `expected/` as for scanned samples
 * (scan-expected.ts): tables derived from the seed's, every page 'ocr', text facts.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { BUDGET_NOTE_FACTS } from './scan.ts';
import { checkFactsOnSeedPages, layoutPageTexts, loadSeedTables, writeSliceExpected } from './scan-expected.ts';
import { pageCount, pdfjsPageTexts, run, tempDir, writeJson } from './tools.ts';

/** How the text layer is broken. */
export type TextBreak = 'pua-tounicode' | 'no-tounicode';

export interface BrokenTextSpec {
  readonly name: string;
  readonly description: string;
  readonly seedPages: readonly number[];
  readonly break: TextBreak;
  /** size limit of the committed PDF, bytes */
  readonly maxBytes: number;
  /** compared with all whitespace removed; each must be on one of the included seed pages */
  readonly mustContain: readonly string[];
  readonly notes: readonly string[];
}

export const BROKEN_TEXT_SAMPLES: readonly BrokenTextSpec[] = [
  {
    name: 'garbled',
    description: 'seed pages 1–2 (budget note and its table) with every ToUnicode destination moved into the private-use area',
    seedPages: [1, 2],
    break: 'pua-tounicode',
    maxBytes: 100 * 1024,
    mustContain: BUDGET_NOTE_FACTS,
    notes: [
      'pages 1–2 are born-digital seed pages 1–2 (qpdf --pages); the embedded UMingCN subset is unchanged, its ToUnicode CMap maps every code to U+E000… (private use), so the text layer reads as private-use code points only',
      'the pages render exactly as the seed pages; read them by OCR',
    ],
  },
  {
    name: 'no-tounicode',
    description: 'seed page 8 (first village-table page) with /ToUnicode deleted from its embedded font',
    seedPages: [8],
    break: 'no-tounicode',
    maxBytes: 300 * 1024,
    mustContain: [
      '市派驻村工作力量安排一览表',
      '一、黄陂区姚家集街12个村（牵头单位：市委办公厅）',
      '二、新洲区仓埠街15个村（牵头单位：市政府办公厅）',
      '市委办公厅、汉口银行',
    ],
    notes: [
      'page 1 is born-digital seed page 8 (qpdf --pages); the embedded UMingCN subset (CID TrueType, Identity-H) has no /ToUnicode, so pdf.js reads its glyph ids as character codes',
      'the page renders exactly as the seed page; read it by OCR',
      'the village table holds only the rows of seed page 8: sections 一 (12 村) and 二 (declares 15 村, cut after 序号 18)',
    ],
  },
];

const isType0 = (o: unknown): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Subtype')) === PDFName.of('Type0');

/**
 * The CMap with every bfchar / bfrange destination moved into the private-use area, from `next`
 * on (one code point per source code); returns the new text and the next free code point.
 */
export function cmapToPrivateUse(cmap: string, next = 0xe000): { cmap: string; next: number } {
  const hex = (n: number) => `<${n.toString(16).toUpperCase().padStart(4, '0')}>`;
  let section: 'bfchar' | 'bfrange' | null = null;
  const lines = cmap.split('\n').map((line) => {
    const begin = /begin(bfchar|bfrange)\b/.exec(line);
    if (begin) section = begin[1] as 'bfchar' | 'bfrange';
    if (/end(bfchar|bfrange)\b/.test(line)) section = null;
    const m = /^\s*(<[0-9A-Fa-f]+>)\s*(<[0-9A-Fa-f]+>)\s*(<[0-9A-Fa-f]+>|\[.*\])?\s*$/.exec(line);
    if (!m || section === null) return line;
    if (section === 'bfchar' && !m[3]) return `${m[1]} ${hex(next++)}`;
    if (section === 'bfrange' && m[3]) {
      const out = `${m[1]} ${m[2]} ${hex(next)}`;
      next += parseInt(m[2]!.slice(1, -1), 16) - parseInt(m[1]!.slice(1, -1), 16) + 1;
      return out;
    }
    throw new Error(`unexpected CMap line in ${section}: ${line}`);
  });
  if (next > 0xf8ff) throw new Error('more codes than the private-use area holds');
  return { cmap: lines.join('\n'), next };
}

/** Breaks the text layer of every Type0 font of `pdf`; returns the new bytes and what was done. */
async function breakTextLayer(pdf: Uint8Array, how: TextBreak): Promise<{ bytes: Uint8Array; fonts: number; codes: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  let fonts = 0;
  let next = 0xe000;
  for (const [, font] of doc.context.enumerateIndirectObjects()) {
    if (!isType0(font)) continue;
    const ref = font.get(PDFName.of('ToUnicode'));
    if (!ref) throw new Error('a Type0 font without ToUnicode in the seed');
    fonts++;
    if (how === 'no-tounicode') {
      font.delete(PDFName.of('ToUnicode'));
      continue;
    }
    const stream = doc.context.lookup(ref) as PDFRawStream;
    const moved = cmapToPrivateUse(Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'), next);
    next = moved.next;
    font.set(PDFName.of('ToUnicode'), doc.context.register(doc.context.flateStream(moved.cmap)));
  }
  if (fonts === 0) throw new Error('no Type0 font to break');
  return { bytes: await doc.save({ useObjectStreams: false }), fonts, codes: next - 0xe000 };
}

/** What pdf.js's text must look like on a broken page: no Han ideograph of the seed page survives. */
function checkBroken(spec: BrokenTextSpec, texts: readonly string[], seedTexts: readonly string[]): void {
  texts.forEach((t, i) => {
    const chars = Array.from(t.replace(/\s+/g, ''));
    if (chars.length === 0) throw new Error(`${spec.name} page ${i + 1}: no text items at all (the break should leave garbage, not nothing)`);
    if (spec.break === 'pua-tounicode') {
      const bad = chars.filter((c) => c.codePointAt(0)! < 0xe000 || c.codePointAt(0)! > 0xf8ff);
      if (bad.length) throw new Error(`${spec.name} page ${i + 1}: ${bad.length} code points outside the private-use area (${bad.slice(0, 5).join('')})`);
    }
    const seedHan = new Set(Array.from(seedTexts[i]!).filter((c) => /\p{Script=Han}/u.test(c)));
    const survived = chars.filter((c) => seedHan.has(c)).length;
    // glyph ids read as code points land on an ideograph now and then; a readable page has them all
    if (survived > 0.2 * seedHan.size) throw new Error(`${spec.name} page ${i + 1}: ${survived} characters of the seed page are still readable`);
  });
  const flat = texts.join('').replace(/\s+/g, '');
  for (const s of spec.mustContain) if (flat.includes(s.replace(/\s+/g, ''))) throw new Error(`${spec.name}: '${s}' is readable in the broken text layer`);
}

/** Stops unless poppler renders every page of `pdf` exactly as its seed page (72 dpi grey). */
function checkRendersLikeSeed(pdf: string, seedPdf: string, seedPages: readonly number[], dir: string): void {
  seedPages.forEach((sp, i) => {
    const render = (file: string, p: number, base: string): Buffer => {
      run('pdftoppm', ['-gray', '-r', '72', '-f', String(p), '-l', String(p), '-singlefile', file, join(dir, base)]);
      return readFileSync(join(dir, `${base}.pgm`));
    };
    if (!render(pdf, i + 1, 'new').equals(render(seedPdf, sp, 'seed'))) throw new Error(`page ${i + 1} does not render like seed page ${sp}`);
  });
}

/** Builds one broken-text sample into samples/<name>/. */
export async function buildBrokenTextSample(root: string, spec: BrokenTextSpec): Promise<void> {
  const seedPdf = join(root, 'samples/seed/seed.pdf');
  const layoutTexts = layoutPageTexts(seedPdf);
  checkFactsOnSeedPages(spec.name, spec.mustContain, layoutTexts, spec.seedPages);
  const outDir = join(root, 'samples', spec.name);
  mkdirSync(outDir, { recursive: true });
  const pdfPath = join(outDir, `${spec.name}.pdf`);
  const tmp = tempDir('gw-broken-');
  try {
    const cut = join(tmp.dir, 'cut.pdf');
    run('qpdf', ['--empty', '--deterministic-id', '--pages', seedPdf, spec.seedPages.join(','), '--', cut]);
    const broken = await breakTextLayer(new Uint8Array(readFileSync(cut)), spec.break);
    const edited = join(tmp.dir, 'edited.pdf');
    writeFileSync(edited, broken.bytes);
    run('qpdf', ['--deterministic-id', '--object-streams=generate', '--recompress-flate', '--compression-level=9', edited, pdfPath]);

    // checks of the output
    const size = statSync(pdfPath).size;
    if (size > spec.maxBytes) throw new Error(`${spec.name}: ${size} bytes, more than ${spec.maxBytes}`);
    if (pageCount(pdfPath) !== spec.seedPages.length) throw new Error(`${spec.name}: ${pageCount(pdfPath)} pages, expected ${spec.seedPages.length}`);
    checkRendersLikeSeed(pdfPath, seedPdf, spec.seedPages, tmp.dir);
    const seedTexts = await pdfjsPageTexts(seedPdf);
    checkBroken(spec, await pdfjsPageTexts(pdfPath), spec.seedPages.map((p) => seedTexts[p - 1]!));

    const pages = spec.seedPages.map((seedPage) => ({ seedPage, method: 'ocr' as const }));
    writeSliceExpected(outDir, loadSeedTables(root), layoutTexts, pages, { mustContain: spec.mustContain, mustContainExact: [], notes: spec.notes });
    writeJson(join(outDir, 'source.json'), {
      sample: spec.name,
      description: spec.description,
      source: 'samples/seed/seed.pdf',
      pages: pages.map((p, i) => ({ page: i + 1, seedPage: p.seedPage, method: p.method })),
      textLayer: {
        break: spec.break,
        fonts: broken.fonts,
        ...(spec.break === 'pua-tounicode'
          ? { edit: 'every bfchar/bfrange destination of each Type0 font\'s ToUnicode CMap replaced by U+E000 + k (k counts the source codes)', privateUseCodes: broken.codes }
          : { edit: '/ToUnicode deleted from each Type0 font dictionary (CID TrueType, Identity-H, embedded subset unchanged)' }),
        checks: 'poppler renders each page byte for byte like its seed page (pdftoppm -gray -r 72); pdf.js reads none of the text facts',
      },
      tools: {
        qpdf: run('qpdf', ['--version']).split('\n')[0]!.trim(),
        'pdf-lib': (JSON.parse(readFileSync(join(root, 'node_modules/pdf-lib/package.json'), 'utf8')) as { version: string }).version,
      },
      bytes: size,
    });
    console.log(`${spec.name}: ${spec.seedPages.length} pages, ${(size / 1024).toFixed(0)} KiB, ${broken.fonts} font(s) edited (${spec.break})`);
  } finally {
    tmp.done();
  }
}

/** One builder per broken-text sample, keyed by name, for main.ts. */
export function brokenTextBuilders(root: string): Record<string, () => Promise<void>> {
  return Object.fromEntries(BROKEN_TEXT_SAMPLES.map((s) => [s.name, () => buildBrokenTextSample(root, s)]));
}
