/**
 * One document's report.html: the sections (at a glance, checks, findings, tables), the page
 * viewer, and the data the page script needs (page sizes and images, evidence boxes, review
 * decisions), all in one file — CSS, script and images inlined, no external request (a CSP meta
 * tag forbids any).
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { RenderedImage } from '../read/render.ts';
import type { FindingReview } from '../model/findings.ts';
import { VERSION } from '../version.ts';
import type { ReportInput } from './load.ts';
import type { CropRequest } from './images.ts';
import { dataUri, esc, scriptJson } from './html.ts';
import { glanceHtml } from './glance.ts';
import { summaryHtml } from './summary.ts';
import { findingsHtml } from './findings.ts';
import { lowConfidenceMarks, tablesHtml } from './tables.ts';
import type { ReportSettings } from './settings.ts';
import { catalogue, lang, t, type MessageKey } from '../i18n/index.ts';
import { methodLabel, severityBadges, statusLabel } from './glance.ts';

/** the labels the page script shows (in the report's language) */
const CLIENT_LABELS: readonly MessageKey[] = [
  'r.m.text', 'r.m.ocr', 'r.m.both', 'r.m.blank', 'r.v.title', 'r.v.confidence', 'r.v.cellLabel', 'r.reviewed', 'r.reviewedDetail',
  'r.saved', 'r.downloaded', 'r.loaded', 'r.notReview', 'r.f.expected', 'r.f.actual', 'r.f.showing', 'r.f.confirm', 'r.f.dismiss', 'r.f.open',
  'r.f.stateConfirmed', 'r.f.stateDismissed', 'r.f.stateOpen', 'r.f.noteLabel', 'r.thisFolder',
];

const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
let assets: { css: string; js: string } | undefined;
/** The report's stylesheet and script (src/report/assets/), read once. */
function reportAssets(): { css: string; js: string } {
  assets ??= { css: asset('report.css'), js: asset('report.js') };
  return assets;
}

/** What the document page is built from. */
export interface ReportModel {
  input: ReportInput;
  pageImages: ReadonlyMap<number, RenderedImage>;
  crops: ReadonlyMap<string, { req: CropRequest; img: RenderedImage | undefined }>;
  /** why there are no images, when there are none */
  pdfNote: string | null;
  settings: ReportSettings;
}

/**
 * The report's Content-Security-Policy: nothing can be fetched from elsewhere, and the only script
 * that runs is the page's own, pinned by its SHA-256 (`scripts`: the exact text of each inline
 * <script>); a script or event handler that an escaping slip let into the content never runs.
 * Inline styles stay allowed (the evidence boxes are positioned with them).
 */
export function reportCsp(scripts: readonly string[]): string {
  const hashes = scripts.map((js) => `'sha256-${createHash('sha256').update(js, 'utf8').digest('base64')}'`);
  return `default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; script-src ${hashes.join(' ')}; base-uri 'none'; form-action 'none'`;
}

const box = (b: { x0: number; top: number; x1: number; bottom: number }) => [b.x0, b.top, b.x1, b.bottom].map((v) => Math.round(v * 100) / 100);

/** The data the page script reads (`#gw-data`). */
function clientData(m: ReportModel): unknown {
  const { document: doc, findings, tables, review } = m.input;
  const decisions: Record<string, FindingReview> = {};
  const keys = new Set(findings.map((f) => f.key));
  for (const d of review?.decisions ?? []) {
    if (keys.has(d.key)) decisions[d.key] = { status: d.status, note: d.note, ...(d.decidedAt ? { decidedAt: d.decidedAt } : {}) };
  }
  for (const f of findings) if (f.review && f.key && !decisions[f.key]) decisions[f.key] = f.review;
  return {
    version: VERSION,
    doc: { name: doc.source.name, sha256: doc.source.sha256 },
    storageKey: `gongwen-review:${doc.source.sha256}`,
    labels: Object.fromEntries(CLIENT_LABELS.map((k) => [k, catalogue()[k]])),
    pages: doc.pages.map((p) => ({
      page: p.page,
      w: p.width,
      h: p.height,
      method: p.method,
      conf: p.confidence,
      img: m.pageImages.has(p.page) ? dataUri(m.pageImages.get(p.page)!) : null,
    })),
    findings: findings.map((f) => ({
      key: f.key,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      expected: f.expected ?? null,
      actual: f.actual ?? null,
      ev: f.evidence.map((e) => ({ page: e.page, bbox: box(e.bbox) })),
    })),
    marks: lowConfidenceMarks(findings, tables, m.settings).map((k) => ({ page: k.page, bbox: box(k.bbox), label: k.label })),
    decisions,
  };
}

/** The whole report.html text. */
export function reportHtml(m: ReportModel): string {
  const { document: doc, findings, tables, summary } = m.input;
  const { css, js } = reportAssets();
  const title = doc.documents.find((g) => g.title)?.title ?? doc.source.name;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const imaged = new Set(m.pageImages.keys());
  const lowConf = lowConfidenceMarks(findings, tables, m.settings);
  const e = (k: MessageKey, p?: Record<string, string | number>) => esc(t(k, p));
  return `<!doctype html>
<html lang="${lang() === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp([js])}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="gongwen ${esc(VERSION)}">
<title>${e('r.docTitle', { name: doc.source.name })}</title>
<style>${css}</style>
</head>
<body>
<header class="top">
<div class="title"><h1>${esc(title)}</h1><p class="sub">${esc(doc.source.name)} · ${e('r.pages', { n: doc.source.pages })} ·
<span class="state-group" id="extraction-state">${e('r.extraction')}${e('r.colon')}<span class="status ${esc(doc.status)}">${esc(statusLabel(doc.status))}</span></span> ·
<span class="state-group" id="finding-counts">${e('r.findings')}${e('r.colon')}${severityBadges(counts)}</span></p></div>
<nav><a href="#glance">${e('r.nav.glance')}</a><a href="#checks">${e('r.nav.checks')}</a><a href="#findings">${e('r.nav.findings')}</a><a href="#tables">${e('r.nav.tables')}</a></nav>
<div class="review-bar"><span id="review-progress">${e('r.reviewed', { n: 0, total: findings.length })}</span>
<button type="button" id="save-review" title="${e('r.saveTitle')}">${e('r.save')}</button>
<label class="load-review" title="${e('r.loadTitle')}">${e('r.load')}<input type="file" id="load-review" accept=".json,application/json"></label>
<span id="save-note" class="save-note" role="status"></span></div>
</header>
<main>
${glanceHtml(doc, findings, imaged, m.pdfNote)}
${summaryHtml(summary, findings)}
${findingsHtml(findings, m.crops, m.settings)}
${tablesHtml(tables, findings, lowConf)}
</main>
<footer>gongwen ${esc(VERSION)} · ${e('r.footer', { dpi: m.settings.pageDpi, crop: m.settings.cropDpi })}</footer>
<div id="viewer" class="viewer" hidden role="dialog" aria-modal="true" aria-label="${e('r.v.label')}">
<div class="viewer-bar"><span class="viewer-title"></span><span class="viewer-legend"><i class="lg focus"></i>${e('r.v.selected')} <i class="lg other"></i>${e('r.v.other')} <i class="lg lowconf"></i>${e('r.v.lowconf')} <i class="lg cell"></i>${e('r.v.cell')}</span>
<span class="spacer"></span><button type="button" data-act="prev-page" title="${e('r.v.prevTitle')}">${e('r.v.prev')}</button><button type="button" data-act="next-page" title="${e('r.v.nextTitle')}">${e('r.v.next')}</button>
<button type="button" data-act="zoom-out" title="${e('r.v.zoomOut')}">−</button><button type="button" data-act="zoom-in" title="${e('r.v.zoomIn')}">+</button><button type="button" data-act="close" title="${e('r.v.close')}">✕</button></div>
<div class="viewer-finding" hidden><span class="vf-sev sev-badge"></span> <code class="vf-rule"></code> <span class="vf-msg"></span>
<span class="vf-xa"><b>${e('r.f.expected')}</b> <span class="vf-expected val"></span> <b>${e('r.f.actual')}</b> <span class="vf-actual val"></span></span> <span class="vf-state"></span></div>
<div class="viewer-body"><div class="page"><img class="page-img" alt=""><div class="hls"></div><p class="no-image" hidden>${e('r.v.noImage')}</p></div></div>
</div>
<script type="application/json" id="gw-data">${scriptJson(clientData(m))}</script>
<script>${js}</script>
</body>
</html>
`;
}
