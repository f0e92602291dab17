/**
 * Every table as an HTML table: header cells with their spans, section rows, body cells. Each cell
 * carries its page and box (PDF points, top-left origin) and opens the page view with the cell
 * boxed. Cells read with low confidence (OCR) and cells cited by a finding are marked.
 */
import type { Finding } from '../model/findings.ts';
import type { BBox, Cell, Table } from '../model/types.ts';
import { boxAttr, esc, pageRanges } from './html.ts';
import { LOW_CONFIDENCE_RULE, type ReportSettings } from './settings.ts';
import { t as tr } from '../i18n/index.ts';

/** A box on a page a cell may be marked by. */
export interface PageMark {
  page: number;
  bbox: BBox;
  label: string;
}

const area = (b: BBox) => Math.max(0, b.x1 - b.x0) * Math.max(0, b.bottom - b.top);

/** Whether mark `m` points at cell `c`: same page, the mark holds the cell's centre and is not much bigger than it. */
function marks(m: PageMark, c: Cell): boolean {
  if (m.page !== c.page) return false;
  const cx = (c.bbox.x0 + c.bbox.x1) / 2;
  const cy = (c.bbox.top + c.bbox.bottom) / 2;
  const holds = m.bbox.x0 <= cx && cx <= m.bbox.x1 && m.bbox.top <= cy && cy <= m.bbox.bottom;
  return holds && area(m.bbox) <= 4 * Math.max(1, area(c.bbox));
}

/** Low-confidence marks: the evidence of OCR low-confidence findings and cells below the threshold. */
export function lowConfidenceMarks(findings: readonly Finding[], tables: readonly Table[], s: ReportSettings): PageMark[] {
  const out: PageMark[] = [];
  for (const f of findings) {
    if (f.rule !== LOW_CONFIDENCE_RULE) continue;
    for (const e of f.evidence) out.push({ page: e.page, bbox: e.bbox, label: f.message });
  }
  for (const t of tables) {
    for (const c of t.cells) {
      if (c.confidence < s.lowConfidence && !out.some((m) => marks(m, c))) {
        out.push({ page: c.page, bbox: c.bbox, label: tr('r.t.ocrConf', { c: c.confidence.toFixed(2), text: c.text }) });
      }
    }
  }
  return out;
}

function cellHtml(tag: 'td' | 'th', c: Cell, lowConf: readonly PageMark[], cited: readonly PageMark[]): string {
  const cls: string[] = [];
  const titles = [tr('r.page', { page: c.page })];
  const low = lowConf.filter((m) => marks(m, c));
  if (low.length || c.confidence < 1) titles.push(tr('r.t.confidence', { c: c.confidence.toFixed(2) }));
  if (low.length) cls.push('lowconf');
  const hits = cited.filter((m) => marks(m, c));
  if (hits.length) {
    cls.push('cited');
    titles.push(...new Set(hits.map((h) => h.label)));
  }
  const span = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
  return (
    `<${tag}${span}${cls.length ? ` class="${cls.join(' ')}"` : ''} data-page="${c.page}" data-bbox="${boxAttr(c.bbox)}" title="${esc(titles.join(' · '))}">` +
    `${esc(c.text).replace(/\n/g, '<br>')}</${tag}>`
  );
}

function tableHtml(t: Table, lowConf: readonly PageMark[], cited: readonly PageMark[]): string {
  const origin = new Map<string, Cell>();
  const covered = new Set<string>();
  for (const c of t.cells) {
    origin.set(`${c.row},${c.col}`, c);
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      for (let k = c.col; k < c.col + c.colSpan; k++) if (r !== c.row || k !== c.col) covered.add(`${r},${k}`);
    }
  }
  const gridRow = (r: number, tag: 'td' | 'th', text: (col: number) => string) => {
    const out: string[] = [];
    for (let col = 0; col < t.columns; col++) {
      const c = origin.get(`${r},${col}`);
      if (c) out.push(cellHtml(tag, c, lowConf, cited));
      else if (!covered.has(`${r},${col}`)) out.push(`<${tag} class="nobox">${esc(text(col))}</${tag}>`);
    }
    return out.join('');
  };
  const headerRows = Math.max(0, ...t.cells.filter((c) => c.row < 0).map((c) => -c.row));
  const head: string[] = [];
  if (headerRows === 0) head.push(`<tr>${t.header.map((h) => `<th class="nobox">${esc(h)}</th>`).join('')}</tr>`);
  for (let r = -headerRows; r < 0; r++) head.push(`<tr>${gridRow(r, 'th', (col) => (r === -1 ? (t.header[col] ?? '') : ''))}</tr>`);
  const body = t.rows.map((row, r) => `<tr class="${t.rowKinds[r] ?? 'body'}">${gridRow(r, 'td', (col) => row[col] ?? '')}</tr>`);
  const q = t.quality;
  const meta = [
    t.issuer ? `部门：${esc(t.issuer)}` : null,
    t.unit ? esc(t.unit) : null,
    tr('r.page', { page: pageRanges(t.pages) }),
    tr('r.t.size', { rows: t.rows.length, columns: t.columns }),
    tr(t.detector === 'lattice' ? 'r.t.lattice' : 'r.t.stream'),
    tr('r.t.fill', { p: (q.fill * 100).toFixed(0) }),
    q.fragments > 1 ? tr('r.t.merged', { n: q.fragments, dropped: q.droppedHeaderRows }) : null,
    q.strayItems ? tr('r.t.stray', { n: q.strayItems }) : null,
  ].filter(Boolean);
  return (
    `<details class="table-block" id="table-${esc(t.id)}" open><summary><b>${esc(t.id)}</b> ${esc(t.title ?? tr('r.t.untitled'))}</summary>` +
    `<p class="meta">${meta.join(' · ')}</p><div class="table-scroll"><table class="data" data-table="${esc(t.id)}">` +
    `<thead>${head.join('')}</thead><tbody>${body.join('')}</tbody></table></div></details>`
  );
}

/** The tables section. */
export function tablesHtml(tables: readonly Table[], findings: readonly Finding[], lowConf: readonly PageMark[]): string {
  const cited: PageMark[] = findings
    .filter((f) => f.rule !== LOW_CONFIDENCE_RULE)
    .flatMap((f) => f.evidence.map((e) => ({ page: e.page, bbox: e.bbox, label: `${f.rule}: ${f.message}` })));
  const lowCount = lowConf.length;
  return (
    `<section id="tables"><h2>${esc(tr('r.t.title', { n: tables.length }))}</h2>` +
    (tables.length
      ? `<p class="hint">${esc(tr('r.t.hint'))}` + (lowCount ? ` <span class="lowconf legend">${esc(tr('r.t.lowconf'))}</span> ${esc(tr('r.t.marked', { n: lowCount }))}` : '') + '</p>'
      : `<p class="muted">${esc(tr('r.t.none'))}</p>`) +
    tables.map((t) => tableHtml(t, lowConf, cited)).join('') +
    '</section>'
  );
}
