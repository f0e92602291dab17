/**
 * Blocks → one HTML page in 公文 style for Chromium printing (A4, GB/T 9704-like: 16pt body,
 * 29 characters × 23 lines, 22pt titles, red issuer line and rule, page footers '— N —' on the
 * outer side: odd pages right, even pages left, via CSS @page margin boxes).
 */
import type { Block, PrintCell, PrintTable } from './blocks.ts';

export interface HtmlStyle {
  /** CSS font-family for everything (weight 400 only; never bold) */
  font: string;
  /** CSS content of the page footer for a counter expression, e.g. '"— " counter(page) " —"' */
  footer: string;
  /** 'outer' = odd right / even left; 'center' = centred on every page */
  footerSide: 'outer' | 'center';
  /**
   * the first page's footer instead (a page printed on its own that stands for page N of a
   * notice): CSS content and side. @default the footer of the other pages
   */
  firstPage?: { footer: string; side: 'left' | 'right' };
}

/** The page margins (text block 464pt × 646.92pt on Chromium's A4), points. */
export const PAGE_MARGINS_PT = { top: 105, right: 63, bottom: 90, left: 68 } as const;

export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** GB/T 9704-like page: text block 464pt wide (29 × 16pt), 23 lines of 28pt (one line of slack over the standard 22). */
function css(st: HtmlStyle): string {
  const box = (content: string) => `content: ${content}; font-family: ${st.font}; font-size: 14pt; vertical-align: top; padding-top: 18pt;`;
  const foot = box(st.footer);
  const footers =
    st.footerSide === 'outer'
      ? `@page :right { @bottom-right { ${foot} text-align: right; margin-right: 14pt; } }
         @page :left { @bottom-left { ${foot} text-align: left; margin-left: 14pt; } }`
      : `@page { @bottom-center { ${foot} text-align: center; } }`;
  const first = st.firstPage;
  const other = first?.side === 'left' ? 'right' : 'left';
  // :first outranks :left / :right; the other corners are emptied
  const firstFooter = first
    ? `\n@page :first { @bottom-${other} { content: none; } @bottom-center { content: none; } @bottom-${first.side} { ${box(first.footer)} text-align: ${first.side}; margin-${first.side}: 14pt; } }`
    : '';
  const m = PAGE_MARGINS_PT;
  return `
@page { size: A4; margin: ${m.top}pt ${m.right}pt ${m.bottom}pt ${m.left}pt; }
${footers}${firstFooter}
* { font-weight: 400 !important; font-style: normal; font-synthesis: none; box-sizing: border-box; }
html { font-family: ${st.font}; font-size: 16pt; color: #000; }
body { margin: 0; line-height: 28pt; }
p { margin: 0; text-align: justify; }
p.indent { text-indent: 2em; }
p.cut { text-align-last: justify; }
div.pb { break-after: page; height: 0; }
div.redhead { color: #e60012; font-size: 34pt; line-height: 48pt; text-align: center; letter-spacing: 0.12em; margin-top: 12pt; }
div.docno { text-align: center; margin-top: 26pt; }
div.redrule { border-top: 2pt solid #e60012; margin: 6pt 0 26pt; }
h1 { font-size: 22pt; line-height: 36pt; text-align: center; margin: 0 0 29pt; }
h1 + p { margin-top: 0; }
div.att { margin-top: 29pt; }
div.att div { padding-left: 5em; }
div.att div:first-child { text-indent: -3em; }
div.sig { width: fit-content; margin: 58pt 4em 0 auto; text-align: center; }
div.caption { font-size: 18pt; line-height: 29pt; text-align: center; margin: 10pt 0 6pt; }
div.unit { font-size: 14pt; text-align: right; line-height: 22pt; }
table { border-collapse: collapse; width: 100%; line-height: 1.4; margin-bottom: 12pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table.ruled td, table.ruled th { border: 0.75pt solid #000; padding: 3pt 5pt; }
table.unruled td, table.unruled th { border: none; padding: 2pt 5pt; white-space: nowrap; }
table.unruled thead th { padding-bottom: 8pt; font-family: 'WenQuanYi Zen Hei', ${st.font}; }
td.sec { text-align: left; }
div.imprint { margin-top: 36pt; border-top: 0.75pt solid #000; border-bottom: 0.75pt solid #000;
  display: flex; justify-content: space-between; font-size: 14pt; line-height: 24pt; padding: 2pt 1em; break-inside: avoid; }
`;
}

function cellHtml(c: PrintCell, tag: 'td' | 'th', align: string | undefined, t: PrintTable): string {
  const span = (c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '') + (c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '');
  const cls = c.colSpan && c.colSpan > 1 ? ' class="sec"' : '';
  const ls = t.letterSpaced?.[c.text];
  const style = [align && !(c.colSpan && c.colSpan > 1) ? `text-align:${align}` : '', ls ? `letter-spacing:${ls}em;white-space:nowrap` : '']
    .filter(Boolean)
    .join(';');
  return `<${tag}${span}${cls}${style ? ` style="${style}"` : ''}>${c.html ?? escapeHtml(c.text)}</${tag}>`;
}

function tableHtml(t: PrintTable): string {
  const cols = t.widths.map((w) => `<col style="width:${w}em">`).join('') + '<col>';
  const head = t.header.map((r) => `<tr>${r.map((c, i) => cellHtml(c, 'th', t.align?.[i] ?? 'center', t)).join('')}</tr>`).join('');
  const body = t.body.map((r) => `<tr>${r.map((c, i) => cellHtml(c, 'td', t.align?.[i], t)).join('')}</tr>`).join('\n');
  return `<table class="${t.style}" style="font-size:${t.fontSize}pt"><colgroup>${cols}</colgroup><thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'redhead':
      return `<div class="redhead">${escapeHtml(b.issuer)}</div><div class="docno">${escapeHtml(b.docNo)}</div><div class="redrule"></div>`;
    case 'title':
      return `<h1>${b.lines.map(escapeHtml).join('<br>')}</h1>`;
    case 'p':
      return `<p class="${[b.indent ? 'indent' : '', b.continues ? 'cut' : ''].join(' ').trim()}">${escapeHtml(b.text)}</p>`;
    case 'attachments':
      return `<div class="att">${b.lines.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</div>`;
    case 'signature':
      return `<div class="sig">${b.lines.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</div>`;
    case 'caption':
      return `<div class="caption">${escapeHtml(b.text)}</div>`;
    case 'unit':
      return `<div class="unit">${escapeHtml(b.text)}</div>`;
    case 'table':
      return tableHtml(b.table);
    case 'imprint':
      return `<div class="imprint"><span>${escapeHtml(b.left)}</span><span>${escapeHtml(b.right)}</span></div>`;
    case 'pagebreak':
      return '<div class="pb"></div>';
  }
}

/** Blocks → a complete HTML document. */
export function blocksToHtml(blocks: readonly Block[], st: HtmlStyle, title = 'gongwen sample'): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${css(st)}</style></head><body>\n${blocks
    .map(blockHtml)
    .join('\n')}\n</body></html>\n`;
}
