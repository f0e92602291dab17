/** An OCR thread entry that dies on its first page (runner.test.ts). */
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => process.exit(3));
