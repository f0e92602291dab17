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
import { t } from '../i18n/index.ts';

/** A box taller than this (pt) is drawn without a fill, so the text under it stays readable. */
export const BIG_BOX = 80;

const heading = (s: Severity): string => t(`r.f.${s}`);

function valueHtml(v: Finding['expected']): string {
  if (v === undefined || v === null) return '<span class="muted">—</span>';
  return `<span class="val">${esc(v)}</span>`;
}

function cropHtml(f: Finding, fi: number, ei: number, req: CropRequest | undefined, img: RenderedImage | undefined, s: ReportSettings): string {
  const e = f.evidence[ei]!;
  const caption = `${esc(t('r.page', { page: e.page }))}${e.text ? ` · ${esc(clip(e.text.replace(/\s+/g, ' '), s.evidenceTextChars))}` : ''}`;
  const open = `data-f="${fi}" data-e="${ei}" data-page="${e.page}" data-bbox="${boxAttr(e.bbox)}"`;
  if (!req || !img) {
    return `<figure class="crop no-img" ${open} title="${esc(t('r.f.openPage', { page: e.page }))}"><figcaption>${caption}</figcaption></figure>`;
  }
  const region: BBox = img.region;
  // this evidence's box in focus, the finding's other boxes on the same page that show in the crop
  const boxes = f.evidence
    .map((o, oi) => ({ o, oi }))
    .filter(({ o, oi }) => o.page === e.page && (oi === ei || overlaps(o.bbox, region)))
    .map(({ o, oi }) => `<div class="hl ${oi === ei ? 'focus' : 'other'}${o.bbox.bottom - o.bbox.top > BIG_BOX ? ' big' : ''}" style="${boxStyle(o.bbox, region)}"></div>`)
    .join('');
  return (
    `<figure class="crop" ${open} tabindex="-1" title="${esc(t('r.f.openPage', { page: e.page }))}">` +
    `<div class="crop-frame" style="aspect-ratio:${img.width}/${img.height};max-width:${Math.round(img.width / 1.5)}px">` +
    `<img src="${dataUri(img)}" width="${img.width}" height="${img.height}" alt="${esc(t('r.f.cropAlt', { page: e.page }))}" decoding="async">${boxes}</div>` +
    `<figcaption>${caption}</figcaption></figure>`
  );
}

function reviewHtml(fi: number): string {
  const opt = (value: string, label: string) =>
    `<label class="rv-${value}"><input type="radio" name="rv-${fi}" value="${value}"${value === 'open' ? ' checked' : ''}> ${label}</label>`;
  return (
    `<div class="review" data-f="${fi}">${opt('confirmed', esc(t('r.f.confirm')))}${opt('dismissed', esc(t('r.f.dismiss')))}${opt('open', esc(t('r.f.open')))}` +
    `<input type="text" class="note" placeholder="${esc(t('r.f.note'))}" maxlength="500" aria-label="${esc(t('r.f.noteLabel'))}"></div>`
  );
}

function findingHtml(f: Finding, fi: number, crops: ReadonlyMap<string, { req: CropRequest; img: RenderedImage | undefined }>, s: ReportSettings): string {
  const pages = [...new Set(f.evidence.map((e) => e.page))];
  const figures = f.evidence.map((_, ei) => {
    const c = crops.get(`f${fi}e${ei}`);
    return cropHtml(f, fi, ei, c?.req, c?.img, s);
  });
  return (
    `<article class="finding sev-${f.severity}" id="finding-${fi}" data-i="${fi}" data-key="${esc(f.key ?? '')}" data-rule="${esc(f.rule)}" data-severity="${f.severity}" data-pages="${pages.join(',')}" tabindex="-1">` +
    `<header><span class="sev-badge ${f.severity}">${esc(t(`r.sev.${f.severity}`))}</span> <code class="rule">${esc(f.rule)}</code>` +
    `${pages.length ? ` <span class="pages">${esc(t('r.page', { page: pages.join(', ') }))}</span>` : ''}<span class="state"></span></header>` +
    `<p class="msg">${esc(f.message)}</p>` +
    (f.expected !== undefined || f.actual !== undefined
      ? `<dl class="xa"><dt>${esc(t('r.f.expected'))}</dt><dd>${valueHtml(f.expected)}</dd><dt>${esc(t('r.f.actual'))}</dt><dd>${valueHtml(f.actual)}</dd></dl>`
      : '') +
    (figures.length ? `<div class="crops">${figures.join('')}</div>` : `<p class="muted">${esc(t('r.f.noEvidence'))}</p>`) +
    reviewHtml(fi) +
    `<p class="key">${esc(t('r.f.key'))} <code>${esc(f.key ?? '')}</code></p></article>`
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
    return `<div class="sev-group" data-severity="${sev}"><h3>${esc(heading(sev))} (<span class="group-count">${items.length}</span>)</h3>${items.map(({ f, i }) => findingHtml(f, i, crops, s)).join('')}</div>`;
  }).join('');
  const none = findings.length === 0 ? `<p class="all-clear">${esc(t('r.f.allClear'))}</p>` : '';
  return (
    `<section id="findings"><h2>${esc(t('r.f.title', { n: findings.length }))}</h2>` +
    (findings.length ? `<p class="hint">${t('r.f.hint')}</p>${filterHtml(findings)}` : '') +
    none +
    groups +
    '</section>'
  );
}

/** The filter bar: severity, rule, page and review state (the page script applies it). */
function filterHtml(findings: readonly Finding[]): string {
  const option = (value: string, label: string) => `<option value="${esc(value)}">${esc(label)}</option>`;
  const select = (name: string, label: string, all: string, options: string) =>
    `<select data-filter="${name}" aria-label="${esc(label)}">${option('', all)}${options}</select>`;
  const severities = SEVERITIES.filter((s) => findings.some((f) => f.severity === s)).map((s) => option(s, t(`r.sev.${s}`))).join('');
  const rules = [...new Set(findings.map((f) => f.rule))].sort().map((r) => option(r, r)).join('');
  const pages = [...new Set(findings.flatMap((f) => f.evidence.map((e) => e.page)))].sort((a, b) => a - b).map((p) => option(String(p), t('r.page', { page: p }))).join('');
  const states = (['open', 'confirmed', 'dismissed'] as const)
    .map((s) => option(s, t(s === 'open' ? 'r.f.stateOpen' : s === 'confirmed' ? 'r.f.stateConfirmed' : 'r.f.stateDismissed')))
    .join('');
  return (
    `<div class="filters"><span>${esc(t('r.f.filter'))}</span>` +
    select('severity', t('r.c.col.severity'), t('r.f.allSeverities'), severities) +
    select('rule', t('r.c.col.rule'), t('r.f.allRules'), rules) +
    select('page', t('r.g.col.pages'), t('r.f.allPages'), pages) +
    select('state', t('r.f.allStates'), t('r.f.allStates'), states) +
    `<span class="filter-count" id="filter-count">${esc(t('r.f.showing', { n: findings.length, total: findings.length }))}</span></div>`
  );
}
