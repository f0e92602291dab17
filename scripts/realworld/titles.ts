/**
 * Caption coverage of the tables in a folder of PDFs (issue #15, titles/issuer/unit): per file the
 * tables found, how many carry a title, a unit, an issuer ('编制部门：…'), how many titles are glued
 * (a title still holding '单位：' or '部门：'), how many tables have no header, and the error-level findings.
 *
 *   node bin/run-ts.mjs scripts/realworld/titles.ts <folder> [--files a.pdf,b.pdf] [--show]
 *
 * `--show` prints every table's title | issuer | unit | pages under its file row.
 *
 * A table without a title, unit or issuer is counted 'none printed' (columns t.none, u.none,
 * i.none) when no text line that could be it is printed where a caption stands: above the table on
 * its first page (below the table before it there) or at the foot of the page before (below its
 * last table). 'Could be it': a unit line holds '单位：', an issuer line an issuer label ('部门：',
 * '编制部门：', '单位名称：' …), a title line ends like a table's name ('…表'). Judge the rest
 * against the page picture (`pdftoppm -r 60 -f N -l N -png`).
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { extract } from '../../src/index.ts';
import type { Paragraph } from '../../src/model/check.ts';
import type { Table } from '../../src/model/types.ts';

interface Row {
  file: string;
  tables: number;
  title: number;
  unit: number;
  issuer: number;
  /** tables without a title / unit / issuer where none is printed (see the file comment) */
  titleNone: number;
  unitNone: number;
  issuerNone: number;
  glued: number;
  headerless: number;
  errors: number;
}

const GLUED = /单\s*位\s*[:：]|部\s*门\s*[:：]/;
const PRINTED = {
  title: /表(?:[（(][^（()）]*[）)])?(?:\s|$)|表\s*(?:部\s*门|单\s*位)/,
  unit: /单\s*位\s*[:：]/,
  issuer: /(?:编制部门|部门名称|编制单位|填报单位|单位名称|预算单位|主管部门|部门)\s*[:：]/,
};

/** Top of a table's first cell on its first page, and the bottom of its last cell on `page`, pt. */
function topOn(t: Table, page: number): number {
  return Math.min(...t.cells.filter((c) => c.page === page).map((c) => c.bbox.top));
}
function bottomOn(t: Table, page: number): number {
  return Math.max(-Infinity, ...t.cells.filter((c) => c.page === page).map((c) => c.bbox.bottom));
}

/** The text lines where a caption of `t` could stand (see the file comment). */
function captionPlace(t: Table, tables: readonly Table[], paragraphs: readonly Paragraph[]): string[] {
  const page = t.pages[0]!;
  const top = topOn(t, page);
  const floor = Math.max(-Infinity, ...tables.filter((o) => o !== t && o.pages.includes(page)).map((o) => bottomOn(o, page)).filter((b) => b <= top));
  const prevFloor = Math.max(-Infinity, ...tables.filter((o) => o.pages.includes(page - 1)).map((o) => bottomOn(o, page - 1)));
  const lines = paragraphs.flatMap((p) => p.lines.map((l) => ({ page: p.page, ...l })));
  return lines
    .filter((l) => (l.page === page && l.bbox.bottom <= top + 1 && l.bbox.top >= floor) || (l.page === page - 1 && l.bbox.top >= prevFloor))
    .map((l) => l.text);
}

/** How many tables lack `field` although nothing that could be it is printed in their caption place. */
function nonePrinted(tables: readonly Table[], paragraphs: readonly Paragraph[], field: keyof typeof PRINTED): number {
  const value = (t: Table): string | null | undefined => (field === 'title' ? t.title : field === 'unit' ? t.unit : t.issuer);
  return tables.filter((t) => value(t) == null && !captionPlace(t, tables, paragraphs).some((x) => PRINTED[field].test(x))).length;
}

async function main(argv: readonly string[]): Promise<void> {
  const dir = argv.find((a) => !a.startsWith('--'));
  if (dir === undefined) {
    process.stderr.write('titles: want a folder of PDFs\n');
    process.exit(2);
  }
  const at = argv.indexOf('--files');
  const only = at >= 0 ? new Set((argv[at + 1] ?? '').split(',')) : undefined;
  const show = argv.includes('--show');
  const files = (await readdir(dir)).filter((f) => f.toLowerCase().endsWith('.pdf') && (only === undefined || only.has(f))).sort();
  const rows: Row[] = [];
  for (const f of files) {
    let res;
    try {
      res = await extract(join(dir, f), { ocr: 'never' });
    } catch (e) {
      process.stderr.write(`${f}: ${(e as Error).message.split('\n')[0]}\n`);
      continue;
    }
    const t = res.tables;
    const row: Row = {
      file: basename(f),
      tables: t.length,
      title: t.filter((x) => x.title !== null).length,
      unit: t.filter((x) => x.unit !== null).length,
      issuer: t.filter((x) => x.issuer != null).length,
      titleNone: nonePrinted(t, res.paragraphs, 'title'),
      unitNone: nonePrinted(t, res.paragraphs, 'unit'),
      issuerNone: nonePrinted(t, res.paragraphs, 'issuer'),
      glued: t.filter((x) => x.title !== null && GLUED.test(x.title)).length,
      headerless: t.filter((x) => x.header.every((h) => h.trim() === '')).length,
      errors: res.findings.filter((x) => x.severity === 'error').length,
    };
    rows.push(row);
    process.stdout.write(fmt(row) + '\n');
    if (show) {
      for (const x of t) {
        const issuer = x.issuer ?? '-';
        process.stdout.write(`    ${x.id} p${x.pages.join(',')} ${x.columns}c ${x.rows.length}r | ${x.title ?? '-'} | ${issuer} | ${x.unit ?? '-'} | ${x.header.slice(0, 3).join('/')}\n`);
      }
    }
  }
  const sum = (k: keyof Omit<Row, 'file'>): number => rows.reduce((a, r) => a + r[k], 0);
  const total: Row = { file: `TOTAL (${rows.length} files)`, tables: 0, title: 0, unit: 0, issuer: 0, titleNone: 0, unitNone: 0, issuerNone: 0, glued: 0, headerless: 0, errors: 0 };
  for (const k of Object.keys(total) as (keyof Row)[]) if (k !== 'file') total[k] = sum(k);
  process.stdout.write(fmt(total) + '\n');
}

function fmt(r: Row): string {
  const n = (k: keyof Omit<Row, 'file'>, w: number): string => String(r[k]).padStart(w);
  return `${n('tables', 4)} ${n('title', 5)} ${n('unit', 4)} ${n('issuer', 6)} ${n('titleNone', 6)} ${n('unitNone', 6)} ${n('issuerNone', 6)} ${n('glued', 5)} ${n('headerless', 10)} ${n('errors', 6)}  ${r.file}`;
}

process.stdout.write('tbls title unit issuer t.none u.none i.none glued headerless errors  file\n');
await main(process.argv.slice(2));
