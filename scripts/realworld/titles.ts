/**
 * Caption coverage of the tables in a folder of PDFs (issue #15, titles/issuer/unit): per file the
 * tables found, how many carry a title, a unit, an issuer ('编制部门：…'), how many titles are glued
 * (a title still holding '单位：' or '部门：'), how many tables have no header, and the error-level findings.
 *
 *   node bin/run-ts.mjs scripts/realworld/titles.ts <folder> [--files a.pdf,b.pdf] [--show]
 *
 * `--show` prints every table's title | issuer | unit | pages under its file row.
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { extract } from '../../src/index.ts';

interface Row {
  file: string;
  tables: number;
  title: number;
  unit: number;
  issuer: number;
  glued: number;
  headerless: number;
  errors: number;
}

const GLUED = /单\s*位\s*[:：]|部\s*门\s*[:：]/;

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
      issuer: t.filter((x) => (x as { issuer?: string | null }).issuer != null).length,
      glued: t.filter((x) => x.title !== null && GLUED.test(x.title)).length,
      headerless: t.filter((x) => x.header.every((h) => h.trim() === '')).length,
      errors: res.findings.filter((x) => x.severity === 'error').length,
    };
    rows.push(row);
    process.stdout.write(fmt(row) + '\n');
    if (show) {
      for (const x of t) {
        const issuer = (x as { issuer?: string | null }).issuer ?? '-';
        process.stdout.write(`    ${x.id} p${x.pages.join(',')} ${x.columns}c ${x.rows.length}r | ${x.title ?? '-'} | ${issuer} | ${x.unit ?? '-'} | ${x.header.slice(0, 3).join('/')}\n`);
      }
    }
  }
  const sum = (k: keyof Omit<Row, 'file'>): number => rows.reduce((a, r) => a + r[k], 0);
  process.stdout.write(fmt({ file: `TOTAL (${rows.length} files)`, tables: sum('tables'), title: sum('title'), unit: sum('unit'), issuer: sum('issuer'), glued: sum('glued'), headerless: sum('headerless'), errors: sum('errors') }) + '\n');
}

function fmt(r: Row): string {
  return `${String(r.tables).padStart(4)} ${String(r.title).padStart(5)} ${String(r.unit).padStart(4)} ${String(r.issuer).padStart(6)} ${String(r.glued).padStart(5)} ${String(r.headerless).padStart(10)} ${String(r.errors).padStart(6)}  ${r.file}`;
}

process.stdout.write('tbls title unit issuer glued headerless errors  file\n');
await main(process.argv.slice(2));
