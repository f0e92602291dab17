/**
 * Entry of one page-reading worker thread (started by pageThreads.ts): opens the PDF it is sent,
 * reads the pages it is asked for with the same `readPage` as the main thread, and answers with
 * each page's content or one-line error, in the order asked.
 */
import { parentPort } from 'node:worker_threads';
import { withPdf } from './pdfjs.ts';
import { useJsInflate } from './lib.ts';
import { oneLine } from '../runtime/errors.ts';
import type { PageThreadReply, PageThreadRequest } from './pageThreads.ts';

// a thread of gongwen's own: pdf.js inflates with its own decoder here (see useJsInflate)
useJsInflate();

parentPort?.once('message', (req: PageThreadRequest) => {
  void (async (): Promise<PageThreadReply> => {
    try {
      const pages = await withPdf(req.data, { password: req.password, ...(req.pageBudgetMs ? { pageBudgetMs: req.pageBudgetMs } : {}) }, async (pdf) => {
        const out: PageThreadReply['pages'] = [];
        for (const n of req.pages) {
          try {
            out.push({ page: n, content: await pdf.readPage(n) });
          } catch (err) {
            out.push({ page: n, error: oneLine(err) });
          }
        }
        return out;
      });
      return { pages };
    } catch (err) {
      return { pages: [], error: oneLine(err) };
    }
  })().then((reply) => parentPort?.postMessage(reply));
});
