/**
 * "The document at a glance": file, status, the 公文 it holds (文号, title, issuers, dates, pages,
 * attachments), how each page was read (text layer or OCR, with OCR confidence) and a strip of
 * page buttons that open the page view.
 */
import type { DocumentJson } from '../model/outputs.ts';
import type { Finding } from '../model/findings.ts';
import { esc, pageRanges } from './html.ts';
import { lang, reasonText, t } from '../i18n/index.ts';

/** Finding counts as three badges ('4 error' / '错误 4'). */
export function severityBadges(counts: Readonly<Record<'error' | 'warning' | 'info', number>>): string {
  return (['error', 'warning', 'info'] as const)
    .map((s) => `<span class="sev-badge ${s}">${badgeText(s, counts[s])}</span>`)
    .join(' ');
}

/** '4 error' in English, '错误 4' in Chinese. */
function badgeText(s: 'error' | 'warning' | 'info', n: number): string {
  return lang() === 'zh' ? `${esc(t(`r.sev.${s}`))} ${n}` : `${n} ${esc(t(`r.sev.${s}`))}`;
}

/** A page's reading method in the current language. */
export function methodLabel(method: string): string {
  return method === 'text' || method === 'ocr' || method === 'both' || method === 'blank' ? t(`r.m.${method}`) : method;
}

/** A document status (ok | partial | failed) in the current language. */
export function statusLabel(status: string): string {
  return status === 'ok' || status === 'partial' || status === 'failed' ? t(`status.${status}`) : status;
}

function gongwenRows(doc: DocumentJson): string {
  if (doc.documents.length === 0) return `<p class="muted">${esc(t('r.g.noGongwen'))}</p>`;
  const rows = doc.documents.map((g) => {
    const attachments = g.attachments.length ? `<ol class="att">${g.attachments.map((a) => `<li>${esc(a)}</li>`).join('')}</ol>` : '<span class="muted">—</span>';
    return (
      `<tr><td>${g.index + 1}</td><td class="nowrap">${g.docNumber ? esc(g.docNumber.normalized) : '<span class="muted">—</span>'}</td>` +
      `<td>${esc(g.title ?? '—')}</td><td>${g.issuers.map(esc).join('<br>') || '<span class="muted">—</span>'}</td>` +
      `<td class="nowrap">${esc(g.signDate ?? '—')}</td><td class="nowrap">${esc(g.printDate ?? '—')}</td>` +
      `<td class="nowrap">${g.pageFrom === g.pageTo ? g.pageFrom : `${g.pageFrom}–${g.pageTo}`}</td><td>${attachments}</td></tr>`
    );
  });
  return (
    `<table class="grid gongwen"><thead><tr><th>#</th><th>文号</th><th>${esc(t('r.g.col.title'))}</th><th>${esc(t('r.g.col.issuers'))}</th><th>${esc(t('r.g.col.signed'))}</th>` +
    `<th>${esc(t('r.g.col.printed'))}</th><th>${esc(t('r.g.col.pages'))}</th><th>${esc(t('r.g.col.attachments'))}</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function methodLines(doc: DocumentJson): string {
  const byMethod = new Map<string, number[]>();
  for (const p of doc.pages) byMethod.set(p.method, [...(byMethod.get(p.method) ?? []), p.page]);
  const lines: string[] = [];
  for (const [method, pages] of byMethod) {
    let line = `<li><b>${esc(methodLabel(method))}</b>: ${esc(t(pages.length === 1 ? 'r.g.pageCount1' : 'r.g.pageCount', { n: pages.length }))} (${pageRanges(pages)})`;
    if (method !== 'text') {
      const ocr = doc.pages.filter((p) => p.method === method);
      const mean = ocr.reduce((s, p) => s + p.confidence, 0) / ocr.length;
      const low = ocr.reduce((a, b) => (b.confidence < a.confidence ? b : a));
      line += esc(t('r.g.ocrConf', { mean: mean.toFixed(2), low: low.confidence.toFixed(2), page: low.page }));
    }
    lines.push(line + '</li>');
  }
  if (lines.length === 0) lines.push(`<li class="muted">${esc(t('r.g.noPages'))}</li>`);
  return `<ul class="methods">${lines.join('')}</ul>`;
}

function pageStrip(doc: DocumentJson, findings: readonly Finding[], imaged: ReadonlySet<number>): string {
  const count = new Map<number, number>();
  for (const f of findings) for (const p of new Set(f.evidence.map((e) => e.page))) count.set(p, (count.get(p) ?? 0) + 1);
  const chips = doc.pages.map((p) => {
    const n = count.get(p.page) ?? 0;
    const cls = ['chip', p.method, n > 0 ? 'has-findings' : '', imaged.has(p.page) ? '' : 'no-img'].filter(Boolean).join(' ');
    const title =
      `${t('r.page', { page: p.page })} · ${methodLabel(p.method)}${p.method !== 'text' ? t('r.g.chipConf', { c: p.confidence.toFixed(2) }) : ''}` +
      `${n ? t(n === 1 ? 'r.g.chipFindings1' : 'r.g.chipFindings', { n }) : ''}${imaged.has(p.page) ? '' : t('r.g.chipNoImage')}`;
    return `<button type="button" class="${cls}" data-page="${p.page}" title="${esc(title)}"${imaged.has(p.page) ? '' : ' disabled'}>${p.page}</button>`;
  });
  const missing = doc.pages.length - imaged.size;
  const note = `<p class="strip-note">${esc(t('r.g.stripNote') + (missing > 0 ? t(missing === 1 ? 'r.g.stripMissing1' : 'r.g.stripMissing', { n: missing }) : ''))}</p>`;
  return `<div class="strip" aria-label="${esc(t('r.g.strip'))}">${chips.join('')}</div>${note}`;
}

/** The at-a-glance section. `imaged`: pages that have an image in the report. */
export function glanceHtml(doc: DocumentJson, findings: readonly Finding[], imaged: ReadonlySet<number>, pdfNote: string | null): string {
  const errors = doc.errors.length
    ? `<ul class="errors">${doc.errors.map((e) => `<li>${esc(e.stage)}${e.page ? ` (${esc(t('r.page', { page: e.page }))})` : ''}: ${esc(reasonText(e.reason))}</li>`).join('')}</ul>`
    : '';
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return (
    `<section id="glance"><h2>${esc(t('r.g.title'))}</h2>` +
    `<dl class="facts"><dt>${esc(t('r.g.file'))}</dt><dd>${esc(doc.source.name)} <span class="muted">(${(doc.source.bytes / 1024).toFixed(0)} KiB, sha256 ${esc(doc.source.sha256.slice(0, 12))}…)</span></dd>` +
    `<dt>${esc(t('r.extraction'))}</dt><dd><span class="status ${esc(doc.status)}">${esc(statusLabel(doc.status))}</span></dd>` +
    `<dt>${esc(t('r.findings'))}</dt><dd>${severityBadges(counts)}</dd>` +
    `<dt>${esc(t('r.g.pages'))}</dt><dd>${doc.source.pages}</dd>` +
    `<dt>${esc(t('r.g.tables'))}</dt><dd>${doc.tables.length}</dd></dl>` +
    errors +
    (pdfNote ? `<p class="note">${esc(pdfNote)}</p>` : '') +
    `<h3>${esc(t('r.g.gongwen', { n: doc.documents.length }))}</h3>${gongwenRows(doc)}` +
    `<h3>${esc(t('r.g.read'))}</h3>${methodLines(doc)}${pageStrip(doc, findings, imaged)}` +
    '</section>'
  );
}
