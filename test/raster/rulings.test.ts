import { beforeAll, describe, expect, it } from 'vitest';
import type { RulingLine } from '../../src/model/types.ts';
import { pageToRaster } from '../../src/read/pdfjs.ts';
import { withPdf } from '../../src/read/pdfjs.ts';
import { rasterToRulings } from '../../src/raster/rulings.ts';
import { deskew } from '../../src/raster/skew.ts';
import type { GrayImage, PageRaster } from '../../src/raster/types.ts';
import { covered, maxDiff, onSomeLine, positions, visibleRulings } from './grid.ts';
import { makeScan, seedBytes } from './scan.ts';

const DPI = 200;
const K = DPI / 72;
const SKEW = 0.8;
let table: PageRaster; // seed page 8, clean render
let born: RulingLine[]; // its born-digital rulings
let prose: PageRaster; // seed page 1

beforeAll(async () => {
  const data = seedBytes();
  table = await pageToRaster(data, 8, { dpi: DPI });
  prose = await pageToRaster(data, 1, { dpi: DPI });
  born = await withPdf(data, {}, async (h) => (await h.readPage(8)).rulings);
});

/** A scan of `page` rotated by `deg`, deskewed, and its rulings; timings logged. */
async function scanRulings(page: PageRaster, deg: number, frame: 'page' | 'raster', image: GrayImage = page.image): Promise<RulingLine[]> {
  const scan: PageRaster = { ...page, image: await makeScan(image, deg) };
  const t0 = performance.now();
  const d = deskew(scan);
  const t1 = performance.now();
  const lines = rasterToRulings(d, { frame });
  console.log(`page ${page.page} @${DPI} dpi: deskew ${(t1 - t0).toFixed(0)} ms (${d.skewDegrees.toFixed(3)}°), rulings ${(performance.now() - t1).toFixed(0)} ms`);
  return lines;
}

/**
 * Each born-digital rule is covered by detected pieces: ≥ 97% of its length when it is drawn
 * visibly, ≥ 50% for the table's right border, which the PDF clips to a 1-px grey hairline (grey
 * ≈ 199 in a clean render; noise breaks it up). No detected piece lies off the born-digital rules.
 */
function expectSameRules(got: RulingLine[], want: RulingLine[], clean: GrayImage): void {
  const visible = new Set(visibleRulings(want, clean, DPI));
  expect(visible.size).toBeGreaterThanOrEqual(want.length - 1);
  for (const b of want) {
    const share = covered(b, got);
    expect(share, `${b.axis} at ${b.at.toFixed(1)} ${b.from.toFixed(1)}..${b.to.toFixed(1)}`).toBeGreaterThan(visible.has(b) ? 0.97 : 0.5);
  }
  for (const g of got) {
    for (const along of [g.from + 2, (g.from + g.to) / 2, g.to - 2]) {
      expect(onSomeLine(g.axis, along, g.at, want), `stray ${g.axis} at ${g.at.toFixed(1)} ${g.from.toFixed(1)}..${g.to.toFixed(1)}`).toBe(true);
    }
  }
}

describe('rasterToRulings on a scanned table page (seed p. 8, 200 dpi, +0.8°, noise, JPEG 75)', () => {
  it('after deskew, in the raster frame: the born-digital grid, same line positions within 1.5 pt', async () => {
    const lines = await scanRulings(table, SKEW, 'raster');
    expect(born.length).toBe(30);
    for (const axis of ['h', 'v'] as const) {
      const want = positions(born, axis);
      const got = positions(lines, axis);
      expect(got.length).toBe(want.length);
      expect(maxDiff(got, want)).toBeLessThan(1.5);
    }
    expectSameRules(lines, born, table.image);
    // 22 horizontal rules, each one piece spanning the table (68.2 … 533.2 pt) like the born-digital ones
    const hs = lines.filter((x) => x.axis === 'h');
    expect(hs.length).toBe(22);
    for (const l of hs) {
      expect(Math.abs(l.from - 68.2)).toBeLessThan(1.5);
      expect(Math.abs(l.to - 533.2)).toBeLessThan(2.5);
      expect(l.width).toBeGreaterThan(0.3);
      expect(l.width).toBeLessThan(2);
    }
  });

  it('in page points: the born-digital rules as the scan shows them (rotated by the skew)', async () => {
    const lines = await scanRulings(table, SKEW, 'page');
    const { width: w, height: h } = table.image;
    const cx = w / 2 / K;
    const cy = h / 2 / K;
    const th = (SKEW * Math.PI) / 180;
    // the canvas turned the page clockwise about the image centre; undo that on the detected lines
    const unrotate = (x: number, y: number): [number, number] => [
      cx + (x - cx) * Math.cos(th) + (y - cy) * Math.sin(th),
      cy - (x - cx) * Math.sin(th) + (y - cy) * Math.cos(th),
    ];
    for (const g of lines) {
      const mid = (g.from + g.to) / 2;
      const [x, y] = unrotate(...(g.axis === 'h' ? [mid, g.at] : [g.at, mid]) as [number, number]);
      expect(onSomeLine(g.axis, g.axis === 'h' ? x : y, g.axis === 'h' ? y : x, born)).toBe(true);
    }
    // every visible born-digital rule's centre, rotated onto the scan, lies on a detected line
    for (const b of visibleRulings(born, table.image, DPI)) {
      const mid = (b.from + b.to) / 2;
      const [x, y] = b.axis === 'h' ? [mid, b.at] : [b.at, mid];
      const rx = cx + (x - cx) * Math.cos(th) - (y - cy) * Math.sin(th);
      const ry = cy + (x - cx) * Math.sin(th) + (y - cy) * Math.cos(th);
      expect(onSomeLine(b.axis, b.axis === 'h' ? rx : ry, b.axis === 'h' ? ry : rx, lines)).toBe(true);
    }
  });

  it('broken rules (three 5-px gaps cut into every rule) still come out whole', async () => {
    const img: GrayImage = { ...table.image, data: new Uint8Array(table.image.data) };
    const { width: w } = img;
    const wipe = (x0: number, y0: number, x1: number, y1: number): void => {
      for (let y = Math.round(y0); y < Math.round(y1); y++) for (let x = Math.round(x0); x < Math.round(x1); x++) img.data[y * w + x] = 255;
    };
    for (const l of born) {
      for (const f of [0.2, 0.45, 0.7]) {
        const c = (l.from + (l.to - l.from) * f) * K;
        const at = l.at * K;
        if (l.axis === 'h') wipe(c, at - 4, c + 5, at + 4);
        else wipe(at - 4, c, at + 4, c + 5);
      }
    }
    const lines = await scanRulings({ ...table, image: img }, SKEW, 'raster', img);
    const hs = lines.filter((l) => l.axis === 'h');
    expect(hs.length).toBe(22);
    for (const l of hs) expect(l.to - l.from).toBeGreaterThan(533.2 - 68.2 - 3);
    // each visible vertical piece (born-digital) is ONE detected piece here too
    for (const b of visibleRulings(born, table.image, DPI).filter((l) => l.axis === 'v')) {
      const hit = lines.find((v) => v.axis === 'v' && Math.abs(v.at - b.at) < 1.5 && Math.abs(v.from - b.from) < 2.5 && Math.abs(v.to - b.to) < 2.5);
      expect(hit, `v at ${b.at} ${b.from}..${b.to}`).toBeDefined();
    }
    expectSameRules(lines, born, table.image);
  });
});

describe('rasterToRulings on a scanned prose page (seed p. 1, −1.2°)', () => {
  it('no rules from text: no vertical and no horizontal lines', async () => {
    const lines = await scanRulings(prose, -1.2, 'page');
    expect(lines).toEqual([]);
  });
});

describe('rasterToRulings on a short table under a title whose stroke touches a column rule', () => {
  it('keeps the column rule, cut back to the frame, and nothing above it', () => {
    const dpi = 150;
    const width = 1240;
    const height = 300;
    const data = new Uint8Array(width * height).fill(255);
    const ink = (x0: number, y0: number, x1: number, y1: number): void => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = 20;
    };
    for (const y of [100, 135, 170]) ink(100, y, 1100, y + 2); // three rules: a header row and one body row
    for (const x of [100, 500, 800, 1098]) ink(x, 100, x + 2, 172); // frame and two column rules
    ink(500, 72, 502, 100); // a letter's vertical stroke in the title, printed down onto the top rule
    const raster: PageRaster = { page: 1, image: { width, height, data }, dpi, skewDegrees: 0, origin: 'rendered', toPoints: (x, y) => ({ x: (x * 72) / dpi, y: (y * 72) / dpi }) };
    const v = rasterToRulings(raster).filter((r) => r.axis === 'v').sort((a, b) => a.at - b.at);
    expect(v.map((r) => Math.round((r.at * dpi) / 72))).toEqual([101, 501, 801, 1099]);
    for (const r of v) {
      expect((r.from * dpi) / 72).toBeGreaterThan(98);
      expect((r.to * dpi) / 72).toBeLessThan(174);
    }
  });
});
