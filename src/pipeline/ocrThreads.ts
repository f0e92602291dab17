/**
 * The thread side of `OcrPageRunner` (ocrRunner.ts): N worker threads, each running
 * ocrThreadMain.ts with its own engine, pages handed to whichever thread is free. A thread that
 * dies fails its page with a one-line reason and is replaced on the next page.
 */
import { Worker } from 'node:worker_threads';
import { entryFor, entryOfFile, type Entry } from '../runtime/entry.ts';
import type { PageInfo, TextItem } from '../model/types.ts';
import type { OcrEngineName } from '../ocr/types.ts';
import type { PageRaster } from '../raster/types.ts';
import { rasterToMessage } from '../raster/transfer.ts';
import type { OcrPageResult } from './ocrPage.ts';
import type { OcrPageRunner } from './ocrRunner.ts';
import type { ThreadReply, ThreadRequest } from './ocrThreadMain.ts';

/** the thread's module (compiled or, from the sources, through tsx) */
const THREAD = entryFor(import.meta.url, './ocrThreadMain');

interface Pending {
  resolve(r: OcrPageResult): void;
  reject(e: Error): void;
  /** the thread began the page (its engine loaded) */
  started?(): void;
}

interface Slot {
  worker: Worker;
  pending: Pending | null;
  dead: boolean;
}

/**
 * A runner over `threads` worker threads reading with `engine`. `entry`: the thread's module
 * (tests give one that fails on purpose). `budgetMs`: a page not read within it has its thread
 * stopped and fails with a one-line reason (the next page gets a new thread).
 */
export function threadRunner(engine: OcrEngineName, threads: number, entry?: string, budgetMs?: number): OcrPageRunner {
  const start: Entry = entry ? entryOfFile(entry) : THREAD;
  const slots: (Slot | null)[] = Array.from({ length: threads }, () => null);
  const waiting: ((s: number) => void)[] = [];
  const free: number[] = slots.map((_, i) => i);
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(start.file, { argv: [...start.argv], workerData: { engine } });
    const slot: Slot = { worker, pending: null, dead: false };
    const fail = (reason: string): void => {
      slot.dead = true;
      const p = slot.pending;
      slot.pending = null;
      p?.reject(new Error(reason));
    };
    worker.on('message', (m: ThreadReply) => {
      const p = slot.pending;
      if (!p) return;
      if (m.type === 'started') return p.started?.();
      slot.pending = null;
      if (m.type === 'done') p.resolve(m.result);
      else p.reject(new Error(m.error));
    });
    worker.on('error', (err) => fail(`OCR thread failed: ${err.message.split('\n')[0]}`));
    worker.on('exit', (code) => fail(`OCR thread exited (code ${code})`));
    return slot;
  };

  const acquire = (): Promise<number> => {
    const i = free.pop();
    return i !== undefined ? Promise.resolve(i) : new Promise((res) => waiting.push(res));
  };
  const release = (i: number): void => {
    const w = waiting.shift();
    if (w) w(i);
    else free.push(i);
  };

  return {
    engine,
    slots: threads,
    async run(raster: PageRaster, info: PageInfo, textLayer: readonly TextItem[] = []): Promise<OcrPageResult> {
      if (closed) throw new Error('OCR runner is closed');
      const i = await acquire();
      try {
        let slot = slots[i];
        if (!slot || slot.dead) slot = slots[i] = spawn();
        const { message, transfer } = rasterToMessage(raster);
        const s = slot;
        return await new Promise<OcrPageResult>((resolve, reject) => {
          let timer: NodeJS.Timeout | null = null;
          // the budget runs from the moment the thread begins the page (models loaded)
          const started = (): void => {
            if (!budgetMs) return;
            timer = setTimeout(() => {
              s.pending = null;
              s.dead = true;
              void s.worker.terminate();
              reject(new Error(`page ${info.page}: OCR took longer than ${Math.round(budgetMs / 100) / 10} s (--page-timeout): skipped`));
            }, budgetMs);
          };
          const done = <A extends unknown[]>(f: (...a: A) => void) => (...a: A): void => {
            if (timer) clearTimeout(timer);
            f(...a);
          };
          s.pending = { resolve: done(resolve), reject: done(reject), started };
          const req: ThreadRequest = { type: 'page', id: nextId++, raster: message, info, textLayer: [...textLayer] };
          s.worker.postMessage(req, transfer);
        });
      } finally {
        release(i);
      }
    },
    warm(n = threads) {
      if (closed) return;
      let alive = slots.filter((s) => s && !s.dead).length;
      // free slots are taken from the end (acquire pops): warm those first
      for (let i = slots.length - 1; i >= 0 && alive < n; i--) {
        const s = slots[i];
        if (s && !s.dead) continue;
        slots[i] = spawn();
        alive++;
      }
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => (s && !s.dead ? s.worker.terminate().then(() => undefined) : undefined)));
    },
  };
}
