/**
 * "The document at a glance": file, status, the 公文 it holds (文号, title, issuers, dates, pages,
 * attachments), how each page was read (text layer or OCR, with OCR confidence) and a strip of
 * page buttons that open the page view.
 */
import type { DocumentJson } from '../model/outputs.ts';
import type { Finding } from '../model/findings.ts';
import { esc, pageRanges } from './html.ts';

const METHOD_LABEL = { text: 'text layer', ocr: 'OCR', both: 'text layer + OCR', blank: 'blank' } as const;

function gongwenRows(doc: DocumentJson): string {
  if (doc.documents.length === 0) return '<p class="muted">No 公文 recognised.</p>';
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
    '<table class="grid gongwen"><thead><tr><th>#</th><th>文号</th><th>Title</th><th>Issuers</th><th>Signed</th><th>印发</th><th>Pages</th><th>Attachments</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function methodLines(doc: DocumentJson): string {
  const byMethod = new Map<string, number[]>();
  for (const p of doc.pages) byMethod.set(p.method, [...(byMethod.get(p.method) ?? []), p.page]);
  const lines: string[] = [];
  for (const [method, pages] of byMethod) {
    let line = `<li><b>${esc(METHOD_LABEL[method as keyof typeof METHOD_LABEL] ?? method)}</b>: ${pages.length} page${pages.length === 1 ? '' : 's'} (${pageRanges(pages)})`;
    if (method !== 'text') {
      const ocr = doc.pages.filter((p) => p.method === method);
      const mean = ocr.reduce((s, p) => s + p.confidence, 0) / ocr.length;
      const low = ocr.reduce((a, b) => (b.confidence < a.confidence ? b : a));
      line += ` — OCR confidence mean ${mean.toFixed(2)}, lowest ${low.confidence.toFixed(2)} on p. ${low.page}`;
    }
    lines.push(line + '</li>');
  }
  if (lines.length === 0) lines.push('<li class="muted">no pages read</li>');
  return `<ul class="methods">${lines.join('')}</ul>`;
}

function pageStrip(doc: DocumentJson, findings: readonly Finding[], imaged: ReadonlySet<number>): string {
  const count = new Map<number, number>();
  for (const f of findings) for (const p of new Set(f.evidence.map((e) => e.page))) count.set(p, (count.get(p) ?? 0) + 1);
  const chips = doc.pages.map((p) => {
    const n = count.get(p.page) ?? 0;
    const cls = ['chip', p.method, n > 0 ? 'has-findings' : '', imaged.has(p.page) ? '' : 'no-img'].filter(Boolean).join(' ');
    const title = `p. ${p.page} · ${METHOD_LABEL[p.method]}${p.method !== 'text' ? ` (confidence ${p.confidence.toFixed(2)})` : ''}${n ? ` · ${n} finding${n > 1 ? 's' : ''}` : ''}${imaged.has(p.page) ? '' : ' · no image in this report'}`;
    return `<button type="button" class="${cls}" data-page="${p.page}" title="${esc(title)}"${imaged.has(p.page) ? '' : ' disabled'}>${p.page}</button>`;
  });
  const missing = doc.pages.length - imaged.size;
  const note = missing > 0 ? `<p class="strip-note">Click a page to view it. Red: pages with findings. Greyed: ${missing} page${missing > 1 ? 's' : ''} without findings or tables, not included as images.</p>` : '<p class="strip-note">Click a page to view it. Red: pages with findings.</p>';
  return `<div class="strip" aria-label="pages">${chips.join('')}</div>${note}`;
}

/** The at-a-glance section. `imaged`: pages that have an image in the report. */
export function glanceHtml(doc: DocumentJson, findings: readonly Finding[], imaged: ReadonlySet<number>, pdfNote: string | null): string {
  const errors = doc.errors.length
    ? `<ul class="errors">${doc.errors.map((e) => `<li>${esc(e.stage)}${e.page ? ` (p. ${e.page})` : ''}: ${esc(e.reason)}</li>`).join('')}</ul>`
    : '';
  return (
    '<section id="glance"><h2>Document at a glance</h2>' +
    `<dl class="facts"><dt>File</dt><dd>${esc(doc.source.name)} <span class="muted">(${(doc.source.bytes / 1024).toFixed(0)} KiB, sha256 ${esc(doc.source.sha256.slice(0, 12))}…)</span></dd>` +
    `<dt>Status</dt><dd><span class="status ${esc(doc.status)}">${esc(doc.status)}</span></dd>` +
    `<dt>Pages</dt><dd>${doc.source.pages}</dd>` +
    `<dt>Tables</dt><dd>${doc.tables.length}</dd></dl>` +
    errors +
    (pdfNote ? `<p class="note">${esc(pdfNote)}</p>` : '') +
    `<h3>公文 in this PDF (${doc.documents.length})</h3>${gongwenRows(doc)}` +
    `<h3>How the pages were read</h3>${methodLines(doc)}${pageStrip(doc, findings, imaged)}` +
    '</section>'
  );
}
