/**
 * Findings grouped by severity: rule id, message, expected vs actual, a crop of the page around
 * each piece of evidence with its box drawn (a click opens the whole page), and the review
 * controls (confirm / dismiss with a note). Boxes: PDF points, top-left origin.
 */
import type { Finding, Severity } from '../model/findings.ts';
import { SEVERITIES } from '../model/findings.ts';
import type { BBox } from '../model/types.ts';
import type { RenderedImage } from '../read/render.ts';
import type { CropRequest } from './images.ts';
import { boxAttr, boxStyle, clip, dataUri, esc, overlaps } from './html.ts';
import type { ReportSettings } from './settings.ts';

/** A box taller than this (pt) is drawn without a fill, so the text under it stays readable. */
export const BIG_BOX = 80;

const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

function valueHtml(v: Finding['expected']): string {
  if (v === undefined || v === null) return '<span class="muted">—</span>';
  return `<span class="val">${esc(v)}</span>`;
}

function cropHtml(f: Finding, fi: number, ei: number, req: CropRequest | undefined, img: RenderedImage | undefined, s: ReportSettings): string {
  const e = f.evidence[ei]!;
  const caption = `p. ${e.page}${e.text ? ` · ${esc(clip(e.text.replace(/\s+/g, ' '), s.evidenceTextChars))}` : ''}`;
  const open = `data-f="${fi}" data-e="${ei}" data-page="${e.page}" data-bbox="${boxAttr(e.bbox)}"`;
  if (!req || !img) {
    return `<figure class="crop no-img" ${open} title="Open page ${e.page}"><figcaption>${caption}</figcaption></figure>`;
  }
  const region: BBox = img.region;
  // this evidence's box in focus, the finding's other boxes on the same page that show in the crop
  const boxes = f.evidence
    .map((o, oi) => ({ o, oi }))
    .filter(({ o, oi }) => o.page === e.page && (oi === ei || overlaps(o.bbox, region)))
    .map(({ o, oi }) => `<div class="hl ${oi === ei ? 'focus' : 'other'}${o.bbox.bottom - o.bbox.top > BIG_BOX ? ' big' : ''}" style="${boxStyle(o.bbox, region)}"></div>`)
    .join('');
  return (
    `<figure class="crop" ${open} tabindex="-1" title="Open page ${e.page} (click)">` +
    `<div class="crop-frame" style="aspect-ratio:${img.width}/${img.height};max-width:${Math.round(img.width / 1.5)}px">` +
    `<img src="${dataUri(img)}" width="${img.width}" height="${img.height}" alt="page ${e.page}, around the evidence" decoding="async">${boxes}</div>` +
    `<figcaption>${caption}</figcaption></figure>`
  );
}

function reviewHtml(fi: number): string {
  const opt = (value: string, label: string) =>
    `<label class="rv-${value}"><input type="radio" name="rv-${fi}" value="${value}"${value === 'open' ? ' checked' : ''}> ${label}</label>`;
  return (
    `<div class="review" data-f="${fi}">${opt('confirmed', 'Confirm')}${opt('dismissed', 'Dismiss')}${opt('open', 'Undecided')}` +
    `<input type="text" class="note" placeholder="note (why)" maxlength="500" aria-label="review note"></div>`
  );
}

function findingHtml(f: Finding, fi: number, crops: ReadonlyMap<string, { req: CropRequest; img: RenderedImage | undefined }>, s: ReportSettings): string {
  const pages = [...new Set(f.evidence.map((e) => e.page))];
  const figures = f.evidence.map((_, ei) => {
    const c = crops.get(`f${fi}e${ei}`);
    return cropHtml(f, fi, ei, c?.req, c?.img, s);
  });
  return (
    `<article class="finding sev-${f.severity}" id="finding-${fi}" data-i="${fi}" data-key="${esc(f.key ?? '')}" data-rule="${esc(f.rule)}" tabindex="-1">` +
    `<header><span class="sev-badge ${f.severity}">${f.severity}</span> <code class="rule">${esc(f.rule)}</code>` +
    `${pages.length ? ` <span class="pages">p. ${pages.join(', ')}</span>` : ''}<span class="state"></span></header>` +
    `<p class="msg">${esc(f.message)}</p>` +
    (f.expected !== undefined || f.actual !== undefined
      ? `<dl class="xa"><dt>Expected</dt><dd>${valueHtml(f.expected)}</dd><dt>Actual</dt><dd>${valueHtml(f.actual)}</dd></dl>`
      : '') +
    (figures.length ? `<div class="crops">${figures.join('')}</div>` : '<p class="muted">No evidence box.</p>') +
    reviewHtml(fi) +
    `<p class="key">key <code>${esc(f.key ?? '')}</code></p></article>`
  );
}

/** The findings section. `crops`: crop id (`f<i>e<j>`) → request and image (absent without a PDF). */
export function findingsHtml(
  findings: readonly Finding[],
  crops: ReadonlyMap<string, { req: CropRequest; img: RenderedImage | undefined }>,
  s: ReportSettings,
): string {
  const groups = SEVERITIES.map((sev) => {
    const items = findings.map((f, i) => ({ f, i })).filter(({ f }) => f.severity === sev);
    if (items.length === 0) return '';
    return `<div class="sev-group" data-severity="${sev}"><h3>${HEADINGS[sev]} (${items.length})</h3>${items.map(({ f, i }) => findingHtml(f, i, crops, s)).join('')}</div>`;
  }).join('');
  const none = findings.length === 0 ? '<p class="all-clear">No findings: every check passed.</p>' : '';
  return (
    `<section id="findings"><h2>Findings (${findings.length})</h2>` +
    (findings.length
      ? '<p class="hint"><kbd>j</kbd>/<kbd>k</kbd> or <kbd>↓</kbd>/<kbd>↑</kbd> move through findings · <kbd>Enter</kbd> opens the page · <kbd>Esc</kbd> closes it · <kbd>c</kbd> confirm · <kbd>d</kbd> dismiss · <kbd>u</kbd> undecided · <kbd>n</kbd> note</p>'
      : '') +
    none +
    groups +
    '</section>'
  );
}
