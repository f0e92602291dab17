import { describe, expect, it } from 'vitest';
import { rgbToGray } from '../../src/raster/gray.ts';
import { findSeals } from '../../src/raster/seal.ts';

const W = 600;
const H = 800;

/** A white RGB page with a red 红头 banner, a black text line, and a red seal ring (with a star-like bar) stamped over it. */
function page(): Uint8Array {
  const px = new Uint8Array(W * H * 3).fill(255);
  const set = (x: number, y: number, rgb: [number, number, number]): void => {
    const p = (y * W + x) * 3;
    px[p] = rgb[0];
    px[p + 1] = rgb[1];
    px[p + 2] = rgb[2];
  };
  const RED: [number, number, number] = [215, 40, 45];
  // 红头: eight large red 'characters' (solid blocks with gaps) across the top
  for (let c = 0; c < 8; c++) for (let y = 60; y < 110; y++) for (let x = 60 + c * 60; x < 110 + c * 60; x++) if ((x + y) % 3) set(x, y, RED);
  // a black text line at y 480..500
  for (let y = 480; y < 500; y++) for (let x = 150; x < 500; x++) if (x % 12 < 8) set(x, y, [20, 20, 20]);
  // seal: ring of radius 70 px (≈ 0.23 W across) centred on the text line, 4 px thick, and a bar inside
  const [cx, cy] = [330, 490];
  for (let y = cy - 80; y <= cy + 80; y++) {
    for (let x = cx - 80; x <= cx + 80; x++) {
      const r = Math.hypot(x - cx, y - cy);
      const onRing = r >= 66 && r <= 70;
      const onBar = Math.abs(y - (cy - 20)) < 3 && Math.abs(x - cx) < 30;
      if (!onRing && !onBar) continue;
      const p = (y * W + x) * 3;
      const under = px[p]! < 100; // black ink under the stamp stays dark
      set(x, y, under ? [30, 10, 10] : RED);
    }
  }
  return px;
}

describe('red seals lifted off before OCR', () => {
  it('finds the round seal and not the wide red banner', () => {
    const seals = findSeals(page(), W, H, 3);
    expect(seals).toHaveLength(1);
    const s = seals[0]!;
    expect(s.x0).toBeLessThanOrEqual(260);
    expect(s.x1).toBeGreaterThanOrEqual(400);
    expect(s.top).toBeLessThanOrEqual(420);
    expect(s.bottom).toBeGreaterThanOrEqual(560);
  });

  it('makes the ring paper-light, keeps black ink under it and the banner as it was', () => {
    const px = page();
    const plain = rgbToGray(px, W, H);
    const lifted = rgbToGray(px, W, H, true);
    const at = (img: { data: Uint8Array }, x: number, y: number): number => img.data[y * W + x]!;
    expect(at(plain, 330, 490 - 68)).toBeLessThan(110); // the ring (its top, off the text line), read as grey, is ink
    expect(at(lifted, 330, 490 - 68)).toBeGreaterThan(200); // lifted
    expect(at(lifted, 330, 490 - 20)).toBeGreaterThan(200); // the bar inside
    let textDark = 0;
    for (let x = 150; x < 500; x++) if (x % 12 < 8 && at(lifted, x, 490) < 60) textDark++;
    expect(textDark).toBe(Array.from({ length: 350 }, (_, i) => i + 150).filter((x) => x % 12 < 8).length);
    expect(at(lifted, 61, 61)).toBe(at(plain, 61, 61)); // the banner untouched
    expect(at(lifted, 61, 61)).toBeLessThan(110);
  });
});
