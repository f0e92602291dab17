/** An OCR thread entry that begins a page and never finishes it (runner.test.ts: the page time budget). */
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (req: { id: number }) => {
  parentPort?.postMessage({ type: 'started', id: req.id });
  for (;;) {
    // a page whose reading never ends (a pathological image), busy on the thread's own core
  }
});
