/**
 * Which onnxruntime build PP-OCR runs on. onnxruntime-node is an optional dependency; when it is
 * installed and loads, the native build must be used (the WebAssembly fallback is ~1.5–2× the CPU time).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ortRuntime } from '../../src/ocr/ppocr/session.ts';

function nativeInstalled(): boolean {
  try {
    createRequire(import.meta.url)('onnxruntime-node');
    return true;
  } catch {
    return false;
  }
}

describe('ortRuntime', () => {
  it.runIf(nativeInstalled())('uses onnxruntime-node when it loads', async () => {
    const rt = await ortRuntime();
    expect(rt.name).toBe('native');
    expect(typeof rt.InferenceSession.create).toBe('function');
  });
});
