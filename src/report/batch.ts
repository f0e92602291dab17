/**
 * The batch index `<outRoot>/_batch/report.html`: every document of an output folder with its
 * status, pages, how it was read, its findings by severity, linked (relative paths) to its own
 * report.html; sortable by any column (click a header) and filterable (text box). Documents that
 * failed and have no folder come from `_batch/manifest.jsonl` when there is one.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { DocumentInSchema } from '../model/schemas.ts';
import { FindingsFileSchema, type Finding } from '../model/findings.ts';
import { writeFileAtomic } from '../write/atomic.ts';
import { VERSION } from '../version.ts';
import { esc } from './html.ts';
import { reportCsp } from './document.ts';
import { REPORT_FILE } from './write.ts';
import { lang, reasonText, t, type MessageKey } from '../i18n/index.ts';
import { methodLabel, statusLabel } from './glance.ts';

/** The folder of batch-level files under an output root. */
export const BATCH_DIR = '_batch';

/** One row of the index. */
export interface BatchRow {
  /** folder relative to the output root, '/'-separated */
  id: string;
  name: string;
  status: string;
  pages: number | null;
  /** 'text', 'OCR', 'mixed (N OCR)', '' */
  method: string;
  documents: number | null;
  tables: number | null;
  findings: { error: number; warning: number; info: number; dismissed: number } | null;
  /** relative link from _batch/ to the document's report, when it exists */
  href: string | null;
  note: string;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** Document folders (holding document.json) under `root`, sorted; _batch and dot folders skipped. */
export async function documentFolders(root: string): Promise<string[]> {
  if (await exists(join(root, 'document.json'))) return [root];
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.isDirectory() && !e.name.startsWith('.') && e.name !== BATCH_DIR) out.push(...(await documentFolders(join(root, e.name))));
  }
  return out;
}

const toId = (root: string, dir: string) => relative(root, dir).split(sep).join('/');
const hrefOf = (id: string) => `../${id.split('/').map(encodeURIComponent).join('/')}/${REPORT_FILE}`;

/** How a document's pages were read, in the report's language: text layer, OCR, or mixed with the OCR page count. */
function methodOf(pages: { method: string }[]): string {
  if (pages.length === 0) return '';
  const ocr = pages.filter((p) => p.method !== 'text').length;
  if (ocr === 0) return t('b.m.text');
  if (ocr === pages.length) return t('b.m.ocr');
  return t('b.m.mixed', { n: ocr });
}

/** A manifest's method ('text', 'ocr+text', …) in the report's language. */
function manifestMethod(m: string): string {
  const parts = m.split('+').filter((x) => x !== '');
  return parts.map((p) => (p === 'text' || p === 'ocr' || p === 'both' || p === 'blank' ? methodLabel(p) : p)).join(' + ');
}

function countFindings(findings: readonly Finding[]): NonNullable<BatchRow['findings']> {
  const c = { error: 0, warning: 0, info: 0, dismissed: 0 };
  for (const f of findings) {
    if (f.review?.status === 'dismissed') c.dismissed++;
    else c[f.severity]++;
  }
  return c;
}

async function readJsonFile(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

async function folderRow(root: string, dir: string): Promise<BatchRow> {
  const id = toId(root, dir);
  const row: BatchRow = { id, name: id.split('/').pop() ?? id, status: 'unreadable', pages: null, method: '', documents: null, tables: null, findings: null, href: null, note: '' };
  try {
    const doc = DocumentInSchema.parse(await readJsonFile(join(dir, 'document.json')));
    Object.assign(row, {
      name: doc.source.name,
      status: doc.status,
      pages: doc.source.pages,
      method: methodOf(doc.pages),
      documents: doc.documents.length,
      tables: doc.tables.length,
      note: doc.errors[0] ? `${doc.errors[0].stage}: ${doc.errors[0].reason}` : '',
    });
  } catch (err) {
    row.note = `document.json: ${(err as Error).message.split('\n')[0]}`;
  }
  try {
    row.findings = countFindings(FindingsFileSchema.parse(await readJsonFile(join(dir, 'findings.json'))));
  } catch {
    /* no findings.json: not checked */
  }
  if (await exists(join(dir, REPORT_FILE))) row.href = hrefOf(id);
  return row;
}

/** The latest entry per document of `_batch/manifest.jsonl`, or null when the root has no manifest. */
async function manifestEntries(root: string): Promise<Map<string, Record<string, unknown>> | null> {
  let text: string;
  try {
    text = await readFile(join(root, BATCH_DIR, 'manifest.jsonl'), 'utf8');
  } catch {
    return null;
  }
  const latest = new Map<string, Record<string, unknown>>();
  for (const line of text.split('\n')) {
    try {
      const e = JSON.parse(line) as Record<string, unknown>;
      if (typeof e.document === 'string') latest.set(e.document, e);
    } catch {
      /* a cut line */
    }
  }
  return latest;
}

/** The row of a manifest entry whose document has no output folder (it failed). */
function failureRow(id: string, e: Record<string, unknown>): BatchRow {
  const path = typeof e.path === 'string' ? e.path : id;
  return {
    id,
    name: path.split(/[\\/]/).pop() ?? path,
    status: typeof e.status === 'string' ? e.status : 'failed',
    pages: typeof e.pages === 'number' && e.pages > 0 ? e.pages : null,
    method: typeof e.method === 'string' ? manifestMethod(e.method) : '',
    documents: null,
    tables: null,
    findings: null,
    href: null,
    note: typeof e.error === 'string' ? e.error : '',
  };
}

/** The index rows of an output root. */
export async function batchRows(outRoot: string): Promise<BatchRow[]> {
  // a batch output folder lists the documents of its manifest only (never stale folders)
  const manifest = await manifestEntries(outRoot);
  const rows = manifest
    ? await Promise.all(
        [...manifest].map(async ([id, e]) => {
          const dir = join(outRoot, ...id.split('/'));
          return (await exists(join(dir, 'document.json'))) ? folderRow(outRoot, dir) : failureRow(id, e);
        }),
      )
    : await Promise.all((await documentFolders(outRoot)).map((d) => folderRow(outRoot, d)));
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

function rowHtml(r: BatchRow): string {
  const f = r.findings;
  const name = r.href ? `<a href="${esc(r.href)}">${esc(r.name)}</a>` : esc(r.name);
  const cell = (v: number | null | undefined, cls = '') => `<td class="num${cls}" data-v="${num(v) || '-1'}">${num(v)}</td>`;
  return (
    `<tr data-status="${esc(r.status)}"><td data-v="${esc(r.id)}">${name}<div class="id">${esc(r.id)}</div></td>` +
    `<td data-v="${esc(r.status)}"><span class="status ${esc(r.status)}">${esc(statusLabel(r.status))}</span></td>` +
    cell(r.pages) +
    `<td data-v="${esc(r.method)}">${esc(r.method)}</td>` +
    cell(r.documents) +
    cell(r.tables) +
    cell(f?.error, f?.error ? ' has-err' : '') +
    cell(f?.warning, f?.warning ? ' has-warn' : '') +
    cell(f?.info) +
    cell(f?.dismissed) +
    `<td data-v="${esc(r.note)}" class="note">${esc(reasonText(r.note))}</td></tr>`
  );
}

const CSS = `body{margin:0;font:14px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1d232b;background:#f6f7f9}
main{max-width:80rem;margin:0 auto;padding:1rem 1.25rem}h1{font-size:1.2rem;margin:.2rem 0}.sum{color:#6a7480;margin:.2rem 0 .8rem}
#filter{font:inherit;padding:.3rem .5rem;width:22rem;max-width:100%;border:1px solid #c9d0d8;border-radius:4px}#shown{color:#6a7480;margin-left:.8rem}
table{border-collapse:collapse;width:100%;background:#fff;margin-top:.6rem;font-size:.9rem}th,td{border:1px solid #d8dde3;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5;cursor:pointer;user-select:none;white-space:nowrap;position:sticky;top:0}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
.num{text-align:right;font-variant-numeric:tabular-nums}.has-err{color:#c62828;font-weight:700}.has-warn{color:#b26a00;font-weight:700}
.id{color:#6a7480;font-size:.78rem}.note{color:#6a7480;font-size:.85rem;max-width:24rem}
.status{padding:0 .4rem;border-radius:3px;font-size:.85em}.status.ok{background:#e6f4ea;color:#2e7d32}.status.partial{background:#fff4e0;color:#b26a00}.status.failed,.status.unreadable{background:#fdecea;color:#c62828}`;

const JS = `(function(){var t=document.getElementById('docs'),tb=t.tBodies[0],f=document.getElementById('filter'),shown=document.getElementById('shown');
var rows=Array.prototype.slice.call(tb.rows);function count(){var n=rows.filter(function(r){return !r.hidden}).length;shown.textContent=shown.getAttribute('data-label').replace('{n}',n).replace('{total}',rows.length)}
f.addEventListener('input',function(){var q=f.value.trim().toLowerCase();rows.forEach(function(r){r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0});count()});
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){th.addEventListener('click',function(){var asc=th.getAttribute('aria-sort')!=='ascending';
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(o){o.removeAttribute('aria-sort')});th.setAttribute('aria-sort',asc?'ascending':'descending');
var numeric=th.getAttribute('data-type')==='num';rows.sort(function(a,b){var x=a.cells[i].getAttribute('data-v'),y=b.cells[i].getAttribute('data-v');
var c=numeric?Number(x)-Number(y):x.localeCompare(y,'zh');return asc?c:-c});rows.forEach(function(r){tb.appendChild(r)})})});count()})();`;

/** The index page text. */
export function batchIndexHtml(rows: readonly BatchRow[]): string {
  const total = (k: 'error' | 'warning' | 'info') => rows.reduce((s, r) => s + (r.findings?.[k] ?? 0), 0);
  const failed = rows.filter((r) => r.status !== 'ok').length;
  const pages = rows.reduce((s, r) => s + (r.pages ?? 0), 0);
  const withErrors = rows.filter((r) => (r.findings?.error ?? 0) > 0).length;
  const e = (k: MessageKey, p?: Record<string, string | number>) => esc(t(k, p));
  const th = (k: MessageKey, numeric = false) => `<th${numeric ? ' data-type="num"' : ''}>${e(k)}</th>`;
  const counts = t('sev.counts', { error: total('error'), warning: total('warning'), info: total('info') });
  return `<!doctype html>
<html lang="${lang() === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp([JS])}">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="gongwen ${esc(VERSION)}">
<title>${e('b.title', { n: rows.length })}</title><style>${CSS}</style></head>
<body><main><h1>${e('b.title', { n: rows.length })}</h1>
<p class="sum">${e('b.sum', { pages, failed, withErrors, counts })}</p>
<input id="filter" type="search" placeholder="${e('b.filter')}" aria-label="${e('b.filterLabel')}"><span id="shown" data-label="${e('b.shown')}"></span>
<table id="docs"><thead><tr>${th('b.col.document')}${th('b.col.status')}${th('b.col.pages', true)}${th('b.col.method')}<th data-type="num">公文</th>${th('b.col.tables', true)}
${th('b.col.errors', true)}${th('b.col.warnings', true)}${th('b.col.info', true)}${th('b.col.dismissed', true)}${th('b.col.note')}</tr></thead>
<tbody>${rows.map(rowHtml).join('\n')}</tbody></table></main>
<script>${JS}</script></body></html>
`;
}

/** Writes `<outRoot>/_batch/report.html`; returns its path and the rows it lists. */
export async function writeBatchIndex(outRoot: string): Promise<{ path: string; rows: BatchRow[] }> {
  const rows = await batchRows(outRoot);
  const path = join(outRoot, BATCH_DIR, REPORT_FILE);
  await writeFileAtomic(path, batchIndexHtml(rows));
  return { path, rows };
}
