/**
 * The worker process of a batch (forked by pool.ts; from the sources through bin/run-ts.mjs, which registers tsx): runs one
 * document per message and answers with its result and the process's peak RSS. pdf.js stays
 * loaded between documents. It exits when the coordinator goes away.
 */
import { runDocJob, type DocJob } from './job.ts';
import { failedResult } from './results.ts';
import { oneLine } from '../runtime/errors.ts';
import type { DocResult } from './manifest.ts';
import { withPdf } from '../read/pdfjs.ts';
import { useJsInflate } from '../read/lib.ts';

/** coordinator → worker */
export interface JobMessage {
  type: 'job';
  id: number;
  job: DocJob;
}

/** worker → coordinator */
export interface ResultMessage {
  type: 'result';
  id: number;
  result: DocResult;
  /** peak resident set size of this worker so far, KiB */
  maxRssKiB: number;
  /** resident set right after the document, KiB */
  rssKiB: number;
  /** time the worker spent on the document, ms */
  ms: number;
}

/** worker → coordinator, while a document runs: `pagesDone` of its `pages` read (0 first, then 1, 2, …) */
export interface PageMessage {
  type: 'page';
  id: number;
  pagesDone: number;
  pages: number;
}

// a process of gongwen's own: pdf.js inflates with its own decoder here (see useJsInflate)
useJsInflate();

process.on('message', (msg: JobMessage) => {
  if (msg?.type !== 'job') return;
  const started = performance.now();
  const onPage = (pagesDone: number, pages: number): void => {
    const m: PageMessage = { type: 'page', id: msg.id, pagesDone, pages };
    process.send?.(m);
  };
  runDocJob(msg.job, onPage)
    .catch((err: unknown) => failedResult(oneLine(err), false))
    .then((result) => {
      const reply: ResultMessage = { type: 'result', id: msg.id, result, maxRssKiB: process.resourceUsage().maxRSS, rssKiB: Math.round(process.memoryUsage().rss / 1024), ms: Math.round(performance.now() - started) };
      process.send?.(reply);
    });
});
process.on('disconnect', () => process.exit(0));
// pdf.js leaves some of its internal promises unobserved when a damaged object fails to load
// (e.g. 'Inconsistent generation in XRef'): the document's own reading still ends, with its error,
// so such a rejection must not take the worker and its document down with it
process.on('unhandledRejection', (err: unknown) => {
  process.stderr.write(`gongwen worker: ignored an unobserved rejection: ${oneLine(err)}\n`);
});

/**
 * A one-page PDF opened once before the worker says it is ready, so that loading pdf.js and its
 * worker code is not counted in the first document's time limit.
 */
function warmUpPdf(): Uint8Array {
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let s = '%PDF-1.4\n';
  const offsets = bodies.map((b, i) => {
    const at = s.length;
    s += `${i + 1} 0 obj\n${b}\nendobj\n`;
    return at;
  });
  const xref = s.length;
  s += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) s += `${String(o).padStart(10, '0')} 00000 n \n`;
  s += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(s);
}

await withPdf(warmUpPdf(), {}, (h) => h.readPage(1)).catch(() => undefined);
process.send?.({ type: 'ready' });
