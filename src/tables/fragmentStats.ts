/**
 * Facts about a fragment that `model/types.ts` has no field for yet, carried as extra properties
 * on the fragment object from `pageToFragments` to `fragmentsToTables`. Readers treat them as
 * optional (fragments built elsewhere lack them).
 */
import type { TableFragment } from '../model/types.ts';

export interface FragmentStats {
  /** text items inside the region whose centre fell in no cell */
  strayItems: number;
  /** text lines of the page above the fragment, its own caption lines excluded */
  linesAbove: number;
}

/** The stats of a fragment, zeros when it carries none. */
export function statsOf(f: TableFragment): FragmentStats {
  const x = f as TableFragment & Partial<FragmentStats>;
  return { strayItems: x.strayItems ?? 0, linesAbove: x.linesAbove ?? 0 };
}
