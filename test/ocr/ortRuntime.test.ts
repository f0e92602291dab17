/**
 * Which onnxruntime build PP-OCR runs on. onnxruntime-node is an optional dependency; when it is
 * installed and loads, the native build must be used (the WebAssembly fallback takes ~1.5–2× the
 * CPU time). Checked in a plain Node process: vitest's module interop gives CommonJS packages a
 * `default` export that Node's own ESM loader may not.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

function nativeInstalled(): boolean {
  try {
    createRequire(import.meta.url)('onnxruntime-node');
    return true;
  } catch {
    return false;
  }
}

const runTs = fileURLToPath(new URL('../../bin/run-ts.mjs', import.meta.url));
const script = fileURLToPath(new URL('./ortRuntimeName.ts', import.meta.url));

describe('ortRuntime', () => {
  it.runIf(nativeInstalled())('uses onnxruntime-node when it loads', () => {
    const env = { ...process.env };
    delete env.GONGWEN_ORT;
    const r = spawnSync(process.execPath, [runTs, script], { encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('native');
  });
});
