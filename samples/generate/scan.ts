/**
 * Scanned samples of issue #4, made from pages of samples/seed/seed.pdf:
 *  - `scan-200`, `scan-300`: six seed pages (budget note 1–2, village table 8–9, pairing table 33–34)
 *    "scanned" (scan-image.ts) at 200 / 300 dpi into an image-only PDF;
 *  - `mixed`: born-digital pages (qpdf --pages) followed by scanned attachment pages.
 * Writes `<name>.pdf`, `source.json` (pages, angles, noise, JPEG quality, seeds) and `expected/`
 * (`tables.json` derived from the seed's hand-checked tables, `pages.json` = method per page,
 * `text-facts.json`). The generator checks its output: page count, no text on scanned pages (pdf.js),
 * text on born-digital pages, size limit, and every text fact present on its seed page.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { A4_PT, DEFAULT_SCAN, pagesToScans, scansToPdf, scanToolVersions, type ScannedPage, type ScanSettings } from './scan-image.ts';
import { checkFactsOnSeedPages, layoutPageTexts, loadSeedTables, writeSliceExpected } from './scan-expected.ts';
import { pageCount, pdfjsPageTexts, run, tempDir, writeJson } from './tools.ts';

/** How a page of a sample is made and how a reader should read it. */
export type PageMethod = 'text' | 'ocr';

/** One scanned (or mixed) sample. */
export interface ScanSampleSpec {
  readonly name: string;
  readonly description: string;
  /** the new PDF's pages in order: which seed page, born-digital ('text') or scanned ('ocr') */
  readonly pages: readonly { seedPage: number; method: PageMethod }[];
  readonly dpi: number;
  readonly seed: number;
  /** size limit of the committed PDF, bytes */
  readonly maxBytes: number;
  /** compared with all whitespace removed; each must be on one of the included seed pages */
  readonly mustContain: readonly string[];
  /** spaces included; only text from born-digital pages (OCR spacing is not exact) */
  readonly mustContainExact: readonly string[];
  readonly notes: readonly string[];
}

const SIX_PAGES = [1, 2, 8, 9, 33, 34] as const;
/** Text facts of the budget note (seed pages 1–2), whitespace removed. */
export const BUDGET_NOTE_FACTS = [
  '汉阳区2023年乡村振兴和结对帮扶资金',
  '预算安排情况说明及相关政策办法',
  '共计2368万元',
  '恩施州来凤县结对帮扶经费1750万元',
  '汉阳区2022年乡村振兴和结对帮扶资金预算安排情况',
  '单位：万元',
] as const;
const SCAN_FACTS = [
  ...BUDGET_NOTE_FACTS,
  '市派驻村工作力量安排一览表',
  '一、黄陂区姚家集街12个村（牵头单位：市委办公厅）',
  '三、蔡甸区侏儒山街22个村（牵头单位：市人大常委会办公厅）',
  '武汉市帮扶恩施州、五峰县结对表',
  '中共武汉市委办公厅',
  '2021年7月2日印发',
];
const SCAN_NOTES = [
  'image-only PDF: every page is one grey JPEG filling an A4 page, no text layer; see source.json for angles and seeds',
  'pages 1–6 are seed pages 1, 2, 8, 9, 33, 34: budget note and its table, the first two village-table pages, the pairing table (over pages 5–6)',
  'the village table holds only the rows of seed pages 8–9: sections 一 and 二 complete, section 三 (declares 22 村) cut after 序号 39',
  'page 4 starts with the repeated header row (序号 派出单位 派驻村), page 6 with the repeated pairing header',
];

export const SCAN_SAMPLES: readonly ScanSampleSpec[] = [
  {
    name: 'scan-200',
    description: 'six seed pages scanned at 200 dpi grey, rotated 0.5–1.2°, light noise, JPEG 75, image-only PDF',
    pages: SIX_PAGES.map((p) => ({ seedPage: p, method: 'ocr' as const })),
    dpi: 200,
    seed: 4200,
    maxBytes: 2.5 * 1024 * 1024,
    mustContain: SCAN_FACTS,
    mustContainExact: [],
    notes: SCAN_NOTES,
  },
  {
    name: 'scan-300',
    description: 'six seed pages scanned at 300 dpi grey, rotated 0.5–1.2°, light noise, JPEG 75, image-only PDF',
    pages: SIX_PAGES.map((p) => ({ seedPage: p, method: 'ocr' as const })),
    dpi: 300,
    seed: 4300,
    maxBytes: 4 * 1024 * 1024,
    mustContain: SCAN_FACTS,
    mustContainExact: [],
    notes: SCAN_NOTES,
  },
  {
    name: 'mixed',
    description: 'born-digital pages followed by scanned attachment pages: budget note p1 text + its table p2 scanned, 40号 first page text + village table page scanned (200 dpi)',
    pages: [
      { seedPage: 1, method: 'text' },
      { seedPage: 2, method: 'ocr' },
      { seedPage: 3, method: 'text' },
      { seedPage: 8, method: 'ocr' },
    ],
    dpi: 200,
    seed: 4100,
    maxBytes: 1.5 * 1024 * 1024,
    mustContain: [
      '汉阳区2023年乡村振兴和结对帮扶资金',
      '汉阳区2022年乡村振兴和结对帮扶资金预算安排情况',
      '单位：万元',
      '武办文〔2021〕40号',
      '各区委，警备区党委，市委各部委',
      '市派驻村工作力量安排一览表',
      '二、新洲区仓埠街15个村（牵头单位：市政府办公厅）',
    ],
    mustContainExact: ['汉阳区 2023 年乡村振兴和结对帮扶资金', '共计 2368 万元', '恩施州来凤县结对帮扶经费 1750 万元'],
    notes: [
      'pages 1 and 3 are born-digital seed pages 1 and 3 (qpdf --pages, text layer kept); pages 2 and 4 are seed pages 2 and 8 scanned at 200 dpi (image only)',
      'the village table holds only the rows of seed page 8: sections 一 (12 村) and 二 (declares 15 村, cut after 序号 18)',
      'mustContainExact strings are on born-digital pages only',
    ],
  },
];

/** Versions of the tools the sample depends on (the scan's packages, qpdf for the merge). */
function toolVersions(): Record<string, string> {
  return { ...scanToolVersions(), qpdf: run('qpdf', ['--version']).split('\n')[0]!.trim() };
}

/** Builds one scanned/mixed sample into samples/<name>/. */
export async function buildScanSample(root: string, spec: ScanSampleSpec): Promise<void> {
  const seedPdf = join(root, 'samples/seed/seed.pdf');
  const seedTables = loadSeedTables(root);
  const layoutTexts = layoutPageTexts(seedPdf);
  const rawText = (p: number) => run('pdftotext', ['-f', String(p), '-l', String(p), seedPdf, '-']);

  const settings: ScanSettings = { ...DEFAULT_SCAN, dpi: spec.dpi, seed: spec.seed };
  const outDir = join(root, 'samples', spec.name);
  mkdirSync(outDir, { recursive: true });
  const pdfPath = join(outDir, `${spec.name}.pdf`);
  const tmp = tempDir('gw-scan-');
  try {
    const scanPages = spec.pages.filter((p) => p.method === 'ocr').map((p) => p.seedPage);
    const { jpegs, scanned } = await pagesToScans(new Uint8Array(readFileSync(seedPdf)), scanPages, settings);
    const allScanned = spec.pages.every((p) => p.method === 'ocr');
    const scanPdf = join(tmp.dir, 'scans.pdf');
    writeFileSync(scanPdf, await scansToPdf(jpegs, { pageSize: A4_PT, producer: 'gongwen samples (pdf-lib)' }));
    // born-digital pages straight from the seed, scanned pages from scanPdf, in spec order; qpdf also
    // gives the file an /ID computed from the content (same input, same bytes)
    let k = 0;
    const sel = spec.pages.flatMap((p) => (p.method === 'text' ? [seedPdf, String(p.seedPage)] : [scanPdf, String(++k)]));
    run('qpdf', ['--empty', '--deterministic-id', '--object-streams=generate', '--compression-level=9', '--pages', ...sel, '--', pdfPath]);

    // checks of the output
    const size = statSync(pdfPath).size;
    if (size > spec.maxBytes) throw new Error(`${spec.name}: ${size} bytes, more than ${spec.maxBytes}`);
    if (pageCount(pdfPath) !== spec.pages.length) throw new Error(`${spec.name}: ${pageCount(pdfPath)} pages, expected ${spec.pages.length}`);
    const texts = await pdfjsPageTexts(pdfPath);
    spec.pages.forEach((p, i) => {
      const has = texts[i]!.trim().length > 0;
      if (has !== (p.method === 'text')) throw new Error(`${spec.name} page ${i + 1}: text layer ${has ? 'present' : 'missing'} (method ${p.method})`);
    });
    checkFactsOnSeedPages(spec.name, spec.mustContain, layoutTexts, spec.pages.map((p) => p.seedPage));
    const textPages = spec.pages.filter((p) => p.method === 'text').map((p) => rawText(p.seedPage)).join('\n');
    for (const s of spec.mustContainExact) if (!textPages.includes(s)) throw new Error(`${spec.name}: '${s}' is not (exactly) on a born-digital page`);

    writeSliceExpected(outDir, seedTables, layoutTexts, spec.pages, spec);

    const byPage = new Map<number, ScannedPage>(scanned.map((s) => [s.sourcePage, s]));
    writeJson(join(outDir, 'source.json'), {
      sample: spec.name,
      description: spec.description,
      source: 'samples/seed/seed.pdf',
      pages: spec.pages.map((p, i) => {
        const s = p.method === 'ocr' ? byPage.get(p.seedPage) : undefined;
        return { page: i + 1, seedPage: p.seedPage, method: p.method, ...(s ? { angleDeg: s.angleDeg, noiseSeed: s.noiseSeed, widthPx: s.width, heightPx: s.height, jpegBytes: s.jpegBytes } : {}) };
      }),
      scan: {
        dpi: spec.dpi,
        render: `pdf.js ${scanToolVersions()['pdfjs-dist']}, grey, ${spec.dpi} dpi`,
        rotation: { minDeg: settings.minAngleDeg, maxDeg: settings.maxAngleDeg, sign: 'random', rng: 'mulberry32', seed: spec.seed, about: 'page centre, cropped back to the rendered size, white fill' },
        noise: `Gaussian, sigma ${settings.noiseSigma} grey levels, Box–Muller on mulberry32(noiseSeed)`,
        blur: `Gaussian, sigma ${((settings.blurSigma200 * spec.dpi) / 200).toFixed(2)} px (after the noise)`,
        jpegQuality: settings.jpegQuality,
        wrap: 'pdf-lib, one image filling each A4 page (595.28 × 841.89 pt), no text layer, no dates',
        merge: allScanned
          ? 'qpdf --empty --deterministic-id --pages (the pdf-lib file)'
          : 'qpdf --empty --deterministic-id --pages (born-digital pages from seed.pdf, scanned pages from the pdf-lib file)',
      },
      tools: toolVersions(),
      bytes: size,
    });
    console.log(`${spec.name}: ${spec.pages.length} pages, ${(size / 1024).toFixed(0)} KiB, angles ${scanned.map((s) => s.angleDeg).join(', ')}`);
  } finally {
    tmp.done();
  }
}

/** One builder per scanned sample, keyed by name, for main.ts. */
export function scanBuilders(root: string): Record<string, () => Promise<void>> {
  return Object.fromEntries(SCAN_SAMPLES.map((s) => [s.name, () => buildScanSample(root, s)]));
}
