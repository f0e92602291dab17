/**
 * The OCR engine factory: the named engine, its library loaded on first use only.
 */
import type { OcrEngine, OcrEngineName } from './types.ts';

export { OCR_ENGINES } from '../model/options.ts';

/** Creates the named engine (loaded on first use only). */
export async function createEngine(name: OcrEngineName): Promise<OcrEngine> {
  if (name === 'tesseract') {
    const { createTesseractEngine } = await import('./tesseract.ts');
    return createTesseractEngine();
  }
  const { createPpocrEngine } = await import('./ppocr/index.ts');
  return createPpocrEngine();
}
