/**
 * Entry of one OCR worker thread (started by ocrThreads.ts; from the sources through bin/run-ts.mjs, which registers
 * tsx): loads its engine once (`workerData.engine`) at start, then OCRs one page per message with `ocrPage`
 * and answers with the result (PDF points) or a one-line error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PageInfo, TextItem } from '../model/types.ts';
import type { OcrEngine, OcrEngineName } from '../ocr/types.ts';
import { messageToRaster, type RasterMessage } from '../raster/transfer.ts';
import { createEngine } from '../ocr/engine.ts';
import { ocrPage, type OcrPageResult } from './ocrPage.ts';

/** main → thread */
export interface ThreadRequest {
  type: 'page';
  id: number;
  raster: RasterMessage;
  info: PageInfo;
  /** text-layer items kept on a page read 'both' */
  textLayer: TextItem[];
}

/** thread → main */
export type ThreadReply =
  | { type: 'started'; id: number }
  | { type: 'done'; id: number; result: OcrPageResult }
  | { type: 'failed'; id: number; error: string };

if (parentPort) {
  const port = parentPort;
  const name = (workerData as { engine: OcrEngineName }).engine;
  // the models load as soon as the thread starts, while the first page's raster is still being made
  const engine: Promise<OcrEngine> = createEngine(name);
  engine.catch(() => undefined); // a failure is told with the first page
  port.on('message', (req: ThreadRequest) => {
    engine
      .then((e) => {
        // the page's time budget starts now, with the models loaded
        port.postMessage({ type: 'started', id: req.id } satisfies ThreadReply);
        return ocrPage(messageToRaster(req.raster), req.info, e, {}, req.textLayer);
      })
      .then(
        (result) => port.postMessage({ type: 'done', id: req.id, result } satisfies ThreadReply),
        (err: unknown) => {
          const error = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim();
          port.postMessage({ type: 'failed', id: req.id, error } satisfies ThreadReply);
        },
      );
  });
}
