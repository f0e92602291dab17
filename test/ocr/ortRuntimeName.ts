// Prints the onnxruntime build PP-OCR picks in a plain Node process (run by ortRuntime.test.ts).
import { ortRuntime } from '../../src/ocr/ppocr/session.ts';

console.log((await ortRuntime()).name);
