/**
 * Planted-error samples `planted-<name>` (issue #3): the seed text with one deliberate change
 * (planted-variants.ts), parsed and printed exactly like `seed` (AR PL UMing CN, same style, each
 * 公文 printed on its own, merged by qpdf), keeping only the 公文 the finding needs. Writes
 * `samples/planted-<name>/planted-<name>.pdf` and `expected/findings.json` with the finding's page
 * and evidence box (PDF points, top-left origin) read back from the printed PDF with poppler.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blocksToHtml } from './gongwen-html.ts';
import { seedToFragments } from './seed-parse.ts';
import { seedToModel } from './seed-model.ts';
import { chromiumPrint, pageCount, qpdfMerge, tempDir, writeJson } from './tools.ts';
import { itemsToLines, locate, pdfjsItems, printedLines, type Box, type PrintedLine } from './planted-evidence.ts';
import { modelIssues } from './planted-selfcheck.ts';
import { PLANTED, type EvidenceSpec, type PlantedVariant } from './planted-variants.ts';

/** Largest committed planted PDF, bytes. @default 600 KiB */
export const MAX_PLANTED_BYTES = 600 * 1024;

const PART_NAMES = ['budget note (汉阳区 2023 年乡村振兴和结对帮扶资金…说明)', '武办文〔2021〕40号', '武办文〔2021〕33号'] as const;

/** A located finding as written to findings.json. */
export interface PlantedFinding {
  rule: string;
  page: number;
  text: string;
  expected: string | number | null;
  actual: string | number | null;
  bbox: Box;
  related?: { page: number; text: string; bbox: Box }[];
  note?: string;
}

/** Applies the variant's replacements to the seed text; each `from` must occur exactly once. */
export function plantEdits(seed: string, edits: PlantedVariant['edits']): string {
  let text = seed;
  for (const { from, to } of edits) {
    const n = text.split(from).length - 1;
    if (n !== 1) throw new Error(`planted edit '${from}': found ${n} times, expected 1`);
    text = text.replace(from, () => to);
  }
  return text;
}

function locateSpec(lines: readonly PrintedLine[], s: EvidenceSpec): PlantedFinding {
  const at = locate(lines, s.text, { mode: s.mode, nth: s.nth });
  const f: PlantedFinding = { rule: s.rule, page: at.page, text: s.text, expected: s.expected, actual: s.actual, bbox: at.bbox };
  if (s.related) {
    f.related = s.related.map((r) => {
      const a = locate(lines, r.text, { mode: r.mode, nth: r.nth });
      return { page: a.page, text: r.text, bbox: a.bbox };
    });
  }
  if (s.note) f.note = s.note;
  return f;
}

/** The rules the model shows must be exactly those the expected file lists (page repeats are not in the model). */
function checkModel(v: PlantedVariant, found: readonly { rule: string; detail: string }[]): void {
  const listed = [...v.expected, ...v.alsoExpected].map((s) => s.rule).filter((r) => r !== 'duplicate.passage').sort();
  const seen = found.map((i) => i.rule).sort();
  if (listed.join() !== seen.join()) {
    throw new Error(`planted-${v.name}: model shows [${found.map((i) => `${i.rule}: ${i.detail}`).join('; ')}], expected file lists [${listed.join(', ')}]`);
  }
}

/** Builds one planted sample. */
export async function buildPlanted(root: string, v: PlantedVariant): Promise<void> {
  const seed = readFileSync(join(root, 'samples/seed-source/notice.txt'), 'utf8');
  const text = plantEdits(seed, v.edits);
  const model = seedToModel(seedToFragments(text));
  const issues = modelIssues(model, text, v.parts);
  checkModel(v, issues);

  const name = `planted-${v.name}`;
  const outDir = join(root, 'samples', name);
  mkdirSync(outDir, { recursive: true });
  const tmp = tempDir('gw-planted-');
  try {
    const pdfs: string[] = [];
    const documents: { document: string; pageFrom: number; pageTo: number }[] = [];
    let first = 1;
    for (const k of v.parts) {
      const html = blocksToHtml(model.docs[k]!, { font: "'AR PL UMing CN'", footer: '"— " counter(page) " —"', footerSide: 'outer' }, `${name} part ${k + 1}`);
      const htmlPath = join(tmp.dir, `part${k + 1}.html`);
      writeFileSync(htmlPath, html);
      const pdf = join(tmp.dir, `part${k + 1}.pdf`);
      chromiumPrint(htmlPath, pdf);
      pdfs.push(pdf);
      const n = pageCount(pdf);
      documents.push({ document: PART_NAMES[k], pageFrom: first, pageTo: first + n - 1 });
      first += n;
    }
    const pdfPath = join(outDir, `${name}.pdf`);
    qpdfMerge(pdfs, pdfPath);
    const size = statSync(pdfPath).size;
    if (size > MAX_PLANTED_BYTES) throw new Error(`${name}: ${size} bytes, more than ${MAX_PLANTED_BYTES}`);

    const printed = (await pdfjsItems(pdfPath)).flatMap((p) => itemsToLines(p.items));
    const flat = printed.join('');
    for (const s of v.present) if (!flat.includes(s)) throw new Error(`${name}: planted text '${s}' not in the PDF`);
    for (const s of v.absent) if (flat.includes(s)) throw new Error(`${name}: '${s}' still in the PDF`);
    for (const s of v.absentLines ?? []) if (printed.includes(s)) throw new Error(`${name}: line '${s}' still in the PDF`);

    const lines = printedLines(pdfPath);
    writeJson(join(outDir, 'expected', 'findings.json'), {
      sample: name,
      description: v.description,
      pages: first - 1,
      documents,
      planted: { edits: v.edits, present: v.present, absent: v.absent, absentLines: v.absentLines ?? [] },
      expected: v.expected.map((s) => locateSpec(lines, s)),
      alsoExpected: v.alsoExpected.map((s) => locateSpec(lines, s)),
      modelCheck: issues.map((i) => `${i.rule}: ${i.detail}`),
      notes: v.notes,
    });
    console.log(`${name}: ${first - 1} pages, ${(size / 1024).toFixed(0)} KiB, ${issues.map((i) => i.rule).join(', ')}`);
  } finally {
    tmp.done();
  }
}

/** One builder per variant, keyed 'planted-<name>', for main.ts. */
export function plantedBuilders(root: string): Record<string, () => Promise<void>> {
  return Object.fromEntries(PLANTED.map((v) => [`planted-${v.name}`, () => buildPlanted(root, v)]));
}
