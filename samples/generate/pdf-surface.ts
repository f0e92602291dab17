/**
 * Drawing helpers for pdf-lib pages in DISPLAYED coordinates (pt, origin top-left, y down), with
 * CJK text in one font and ASCII in another, plus a fix for @pdf-lib/fontkit's TrueType subsets.
 */
import fontkit from '@pdf-lib/fontkit';
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const BLACK = rgb(0, 0, 0);

/** The two embedded fonts: Droid Sans Fallback for CJK, Liberation Serif for ASCII (it has no Latin). */
export interface Fonts {
  cjk: PDFFont;
  latin: PDFFont;
}

/** Splits `s` into runs of ASCII (Latin font) and everything else (CJK font). */
export const runsOf = (s: string): { t: string; latin: boolean }[] =>
  (s.match(/[\x20-\x7e]+|[^\x20-\x7e]+/g) ?? []).map((t) => ({ t, latin: /^[\x20-\x7e]/.test(t) }));

/** Width of `s` at `size`, pt, over both fonts. */
export const measure = (f: Fonts, s: string, size: number): number =>
  runsOf(s).reduce((a, r) => a + (r.latin ? f.latin : f.cjk).widthOfTextAtSize(r.t, size), 0);

/** A page seen in displayed coordinates (top-left origin), whatever its MediaBox and /Rotate. */
export class Surface {
  constructor(readonly page: PDFPage, readonly fonts: Fonts, readonly width: number, readonly height: number) {}
  text(s: string, x: number, baseline: number, size: number): void {
    let cx = x;
    for (const r of runsOf(s)) {
      const font = r.latin ? this.fonts.latin : this.fonts.cjk;
      this.page.drawText(r.t, { x: cx, y: this.height - baseline, size, font, color: BLACK });
      cx += font.widthOfTextAtSize(r.t, size);
    }
  }
  centred(s: string, cx: number, baseline: number, size: number): void {
    this.text(s, cx - measure(this.fonts, s, size) / 2, baseline, size);
  }
  line(x0: number, y0: number, x1: number, y1: number, thickness = 0.75): void {
    this.page.drawLine({ start: { x: x0, y: this.height - y0 }, end: { x: x1, y: this.height - y1 }, thickness, color: BLACK });
  }
  width_(s: string, size: number): number {
    return measure(this.fonts, s, size);
  }
}

/**
 * Works around a bug of @pdf-lib/fontkit 1.1.1 (fixed upstream in foliojs/fontkit#191, fontkit 1.8):
 * a TrueType subset gets a SHORT loca table while glyph records may have odd lengths, so every
 * offset after an odd glyph is off by one byte and many glyphs render as garbage or blank. Padding
 * each copied glyph record to an even length makes the short offsets exact.
 */
export function padSubsetGlyphs(bytes: Uint8Array): void {
  type SubsetProto = { _addGlyph(this: SubsetThis, gid: number): number; __gwPadded?: boolean };
  type SubsetThis = { glyf: Uint8Array[]; offset: number };
  const proto = Object.getPrototypeOf(fontkit.create(bytes).createSubset()) as SubsetProto;
  if (proto.__gwPadded) return;
  const original = proto._addGlyph;
  proto._addGlyph = function (this: SubsetThis, gid: number): number {
    const index = original.call(this, gid);
    const buf = this.glyf[index]!;
    if (buf.length % 2 === 1) {
      // fontkit's bundled Buffer polyfill: a Node Buffer would be rejected by its stream encoder
      const B = buf.constructor as unknown as { alloc(n: number): Uint8Array };
      const padded = B.alloc(buf.length + 1);
      padded.set(buf);
      this.glyf[index] = padded;
      this.offset += 1;
    }
    return index;
  };
  proto.__gwPadded = true;
}

/** Greedy wrap by characters to `maxWidth` pt. */
export function wrap(s: string, font: Fonts, size: number, maxWidth: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of Array.from(s)) {
    if (cur && measure(font, cur + ch, size) > maxWidth) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

