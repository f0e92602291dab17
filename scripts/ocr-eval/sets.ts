/**
 * What the OCR evaluation reads: items of (born-digital PDF, pages). Each item becomes one page-subset
 * PDF (pdf-lib copyPages), extracted born-digital for the reference and "scanned" for the OCR side.
 */

/** One born-digital PDF and the 1-based pages of it to evaluate, as one subset PDF. */
export interface EvalItem {
  /** path relative to the repository root */
  readonly pdf: string;
  readonly pages: readonly number[];
  /** why the item is in the set (what it covers) */
  readonly note?: string;
}

/**
 * The `unseen` set: pages of the committed born-digital samples that the OCR path was NOT tuned on.
 * Tuning used scans of seed pages 1, 2, 8, 9, 33, 34 (samples/scan-200, scan-300) and seed pages 2
 * and 8 (samples/mixed). Everything below is another producer, another font or another seed page.
 * One page per item, so a structural failure on one page costs only that page's cells.
 * Keep this the one list of unseen pages.
 */
export const UNSEEN_SET: readonly EvalItem[] = [
  // pdf-lib, DroidSansFallback + LiberationSerif, borders stroked with drawLine (0.75 pt)
  { pdf: 'samples/lines-table/lines-table.pdf', pages: [2], note: 'pdf-lib, Droid Sans Fallback; 218-row table, first page (title, section rows)' },
  { pdf: 'samples/lines-table/lines-table.pdf', pages: [6], note: 'pdf-lib; middle page of the long table, header redrawn' },
  { pdf: 'samples/lines-table/lines-table.pdf', pages: [11], note: 'pdf-lib; landscape 842×595, 10 columns' },
  { pdf: 'samples/lines-table/lines-table.pdf', pages: [12], note: 'pdf-lib; portrait MediaBox with /Rotate 90' },
  // LibreOffice Writer, UMingCN / ZenHei / UKai, cell borders
  { pdf: 'samples/lo-ruled/lo-ruled.pdf', pages: [2], note: 'LibreOffice; 2-row merged header, wrapped names, 合　　计 spanning 3 columns' },
  // Chromium, no rulings at all: the stream detector on OCR boxes
  { pdf: 'samples/unruled/unruled.pdf', pages: [1], note: 'Chromium; stream table (no rulings), full-width digits in one column' },
  // Chromium, Noto Serif CJK SC (Type 3)
  { pdf: 'samples/seed-type3/seed-type3.pdf', pages: [12], note: 'Noto Serif CJK (Type 3); village table page' },
  { pdf: 'samples/seed-type3/seed-type3.pdf', pages: [15], note: 'Noto Serif CJK (Type 3); village table page' },
  { pdf: 'samples/seed-type3/seed-type3.pdf', pages: [33], note: 'Noto Serif CJK (Type 3); pairing table, first page' },
  // Chromium, AR PL UMing: seed pages that are in no scanned sample
  { pdf: 'samples/seed/seed.pdf', pages: [10], note: 'seed (UMing); village table page not in scan samples' },
  { pdf: 'samples/seed/seed.pdf', pages: [14], note: 'seed (UMing); village table page not in scan samples' },
  { pdf: 'samples/seed/seed.pdf', pages: [18], note: 'seed (UMing); village table page not in scan samples' },
  { pdf: 'samples/seed/seed.pdf', pages: [21], note: 'seed (UMing); last village table page' },
];

/** '2', '2,6', '9-11', '2,5-6' → [2], [2, 6], [9, 10, 11], [2, 5, 6]. */
export function parsePages(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) throw new Error(`bad page list '${spec}' (want e.g. 2,5-6)`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a < 1 || b < a) throw new Error(`bad page range '${part}'`);
    for (let p = a; p <= b; p++) out.push(p);
  }
  return out;
}

/** `unseen` or `<pdf>:<pages>` (e.g. samples/seed/seed.pdf:10,14) → items. */
export function parseSet(args: readonly string[]): EvalItem[] {
  return args.flatMap((a) => {
    if (a === 'unseen') return [...UNSEEN_SET];
    const i = a.lastIndexOf(':');
    if (i <= 0) throw new Error(`--set: '${a}' is neither 'unseen' nor <pdf>:<pages>`);
    return [{ pdf: a.slice(0, i), pages: parsePages(a.slice(i + 1)) }];
  });
}

/** A short name of an item for tables and logs: 'lines-table p11', 'seed p10,14'. */
export function itemName(item: EvalItem): string {
  const base = item.pdf.split('/').pop()!.replace(/\.pdf$/i, '');
  return `${base} p${item.pages.join(',')}`;
}
