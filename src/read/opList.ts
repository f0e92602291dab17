/**
 * A page's operator list with a cap on its length: a content stream of millions of operators (a
 * crafted file, a plot of raw data points) would take minutes and gigabytes to list, and pdf.js in
 * Node parses on this thread without yielding to timers, so no timer can stop it. The cap is
 * checked as the list arrives in chunks; past it the parse is cancelled in pdf.js's worker and the
 * operators listed so far are returned with `capped` set.
 *
 * pdf.js 5.6.205 internals used (checked; without them the list is read whole, uncapped):
 * `page._intentStates` (Map of intent states; `getOperatorList()` returns
 * `state.opListReadCapability.promise`), `state.renderTasks` (each gets `operatorListChanged()` after
 * every chunk), `state.operatorList` (the chunks so far) and `page._abortOperatorList({intentState,
 * reason, force})` (cancels the worker's parse; the read promise then never settles).
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Operators read per page at most (a dense table page has ≈ 10⁴, the densest real page seen 1.4 × 10⁵; listing 10⁵ costs ≈ 1.5 s). */
export const MAX_PAGE_OPERATORS = 300_000;

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

interface IntentState {
  opListReadCapability?: { promise: Promise<unknown> };
  renderTasks?: Set<{ operatorListChanged(): void }>;
  operatorList?: OperatorList;
}

interface PageInternals {
  _intentStates?: Map<unknown, IntentState>;
  _abortOperatorList?: (o: { intentState: IntentState; reason: Error; force: boolean }) => void;
}

/** The page's operator list, at most about `max` operators (a chunk of ≤ 1000 may pass it). */
export async function cappedOperatorList(page: PDFPageProxy, max = MAX_PAGE_OPERATORS): Promise<{ opList: OperatorList; capped: boolean }> {
  const listing = page.getOperatorList() as Promise<OperatorList>;
  const internals = page as unknown as PageInternals;
  const state = [...(internals._intentStates?.values() ?? [])].find((s) => s.opListReadCapability?.promise === listing);
  const abort = internals._abortOperatorList?.bind(page);
  if (!state?.renderTasks || !state.operatorList || !abort) return { opList: await listing, capped: false };
  let stop: (v: 'capped') => void = () => undefined;
  const stopped = new Promise<'capped'>((res) => (stop = res));
  const watcher = {
    operatorListChanged(): void {
      const list = state.operatorList!;
      if (list.fnArray.length <= max) return;
      abort({ intentState: state, reason: new Error(`more than ${max} operators`), force: true });
      stop('capped');
    },
  };
  state.renderTasks.add(watcher);
  const partial = state.operatorList;
  try {
    const r = await Promise.race([listing, stopped]);
    return r === 'capped' ? { opList: { fnArray: partial.fnArray, argsArray: partial.argsArray }, capped: true } : { opList: r, capped: false };
  } finally {
    state.renderTasks.delete(watcher);
  }
}
