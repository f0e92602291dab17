/**
 * Rec batches hold crops of one input width, at most `recBatch` of them and at most
 * `recBatchColumns` input columns in all: wide crops go fewer at a time (onnxruntime's arena keeps
 * the largest batch's activations for the engine's life).
 */
import { describe, expect, it } from 'vitest';
import { recogniseCrops } from '../../src/ocr/ppocr/rec.ts';
import { DEFAULT_PPOCR_SETTINGS } from '../../src/ocr/ppocr/settings.ts';
import type { OrtSession } from '../../src/ocr/ppocr/session.ts';
import type { GrayImage } from '../../src/raster/types.ts';

/** A session that records each input's dims and answers one blank-only step sequence per crop. */
function recordingSession(classes: number): { session: OrtSession; dims: number[][] } {
  const dims: number[][] = [];
  const session = {
    inputNames: ['x'],
    outputNames: ['y'],
    async run(feeds: Record<string, { dims: readonly number[] }>) {
      const d = [...feeds.x!.dims];
      dims.push(d);
      const steps = d[3]! / 8;
      const data = new Float32Array(d[0]! * steps * classes);
      for (let i = 0; i < data.length; i += classes) data[i] = 1; // blank wins every step
      return { y: { type: 'float32', data, dims: [d[0]!, steps, classes] } };
    },
  } as unknown as OrtSession;
  return { session, dims };
}

const crop = (width: number, height: number): GrayImage => ({ width, height, data: new Uint8Array(width * height).fill(255) });

describe('rec batches', () => {
  it('narrow crops go six at a time, crops squeezed to 3200 columns one at a time, results in input order', async () => {
    const table = ['', 'a', 'b', ' '];
    const { session, dims } = recordingSession(table.length);
    // 8 short cells (input width 320) and 3 long lines (wider than 3200 at height 48: squeezed to 3200)
    const crops = [...Array.from({ length: 8 }, () => crop(100, 48)), ...Array.from({ length: 3 }, () => crop(5000, 48))];
    const res = await recogniseCrops(session, table, crops, DEFAULT_PPOCR_SETTINGS);
    expect(res).toHaveLength(11);
    expect(res.every((r) => r.text === '')).toBe(true);
    const byWidth = (w: number) => dims.filter((d) => d[3] === w).map((d) => d[0]);
    expect(byWidth(320)).toEqual([6, 2]);
    expect(byWidth(3200)).toEqual([1, 1, 1]);
    for (const d of dims) expect(d[0]! * d[3]!).toBeLessThanOrEqual(Math.max(DEFAULT_PPOCR_SETTINGS.recBatchColumns, d[3]!));
  });
});
