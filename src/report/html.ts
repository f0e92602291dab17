/** Small HTML helpers for the report: escaping, data: URIs, boxes as percentages of a region. */
import type { BBox } from '../model/types.ts';
import type { RenderedImage } from '../read/render.ts';

/** Text → HTML text or attribute value (& < > " ' escaped). */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside `<script type="application/json">` (no `</script>`, no U+2028/9 surprises). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** An encoded image as a data: URI. */
export function dataUri(img: Pick<RenderedImage, 'mime' | 'bytes'>): string {
  return `data:${img.mime};base64,${Buffer.from(img.bytes).toString('base64')}`;
}

/** A box as `x0,top,x1,bottom` in points, 0.01 pt precision (the data-bbox attribute format). */
export function boxAttr(b: BBox): string {
  return [b.x0, b.top, b.x1, b.bottom].map((v) => Math.round(v * 100) / 100).join(',');
}

const pct = (v: number) => `${Math.round(v * 10000) / 10000}%`;

/** CSS left/top/width/height of box `b` inside region `r`, as percentages of the region. */
export function boxStyle(b: BBox, r: BBox): string {
  const w = r.x1 - r.x0;
  const h = r.bottom - r.top;
  return (
    `left:${pct(((b.x0 - r.x0) / w) * 100)};top:${pct(((b.top - r.top) / h) * 100)};` +
    `width:${pct(((b.x1 - b.x0) / w) * 100)};height:${pct(((b.bottom - b.top) / h) * 100)}`
  );
}

/** Whether two boxes overlap (touching edges do not count). */
export function overlaps(a: BBox, b: BBox): boolean {
  return Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
}

/** At most `n` characters, with '…' when cut. */
export function clip(text: string, n: number): string {
  const chars = [...text];
  return chars.length <= n ? text : chars.slice(0, n - 1).join('') + '…';
}

/** Sorted page numbers as ranges: [1,2,3,5] → '1–3, 5'. */
export function pageRanges(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
