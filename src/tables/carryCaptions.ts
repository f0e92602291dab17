/**
 * A caption printed at the foot of a page whose table starts on the next page (spreadsheet tables
 * printed one sheet after another: '财政拨款基本支出预算表' and '部门：… 单位：万元' end page 12, the
 * grid fills page 13). PDF points, top-left origin.
 *
 * For each page, the lines below its last table (all its lines when it has none) are walked up from
 * the lowest one, as if a table stood right under it (`attachCaption`). When that finds a title that
 * ends like a table's name ('…表', '…表（功能科目）') and the first table of the next page has no
 * title and nothing above it but its own caption lines, the title (and the issuer and unit, when the
 * next page prints none) belong to that table. The caption's boxes stay with its own page: the
 * table's `captionBoxes` and `titleBox` keep describing the table's page only.
 */
import type { Line, TableFragment } from '../model/types.ts';
import { attachCaption, TABLE_NAME_END, type TextColumn } from './captions.ts';
import { statsOf } from './fragmentStats.ts';
import type { TableSettings } from './settings.ts';

/** The caption at the foot of a page (see the file comment), or undefined. */
function footCaption(page: readonly TableFragment[], lines: readonly Line[], next: TableFragment, s: TableSettings): TableFragment | undefined {
  const floor = Math.max(-Infinity, ...page.map((f) => f.bbox.bottom));
  const below = lines.filter((l) => l.bbox.top >= floor);
  if (below.length === 0) return undefined;
  const bottom = Math.max(...below.map((l) => l.bbox.bottom));
  const boxes = [...lines.map((l) => l.bbox), ...page.map((f) => f.bbox)];
  const column: TextColumn = { x0: Math.min(...boxes.map((b) => b.x0)), x1: Math.max(...boxes.map((b) => b.x1)) };
  const { title: _t, titleBox: _b, unit: _u, issuer: _i, ...rest } = next;
  const virtual: TableFragment = { ...rest, page: below[0]!.page, bbox: { ...next.bbox, top: bottom + 1, bottom: bottom + 2 }, captionBoxes: [] };
  const found = attachCaption(virtual, below, column, new Set<Line>(), floor, s);
  return found.title !== undefined && TABLE_NAME_END.test(found.title) ? found : undefined;
}

/**
 * Gives the first table of a page the caption printed at the foot of the page before (see the file
 * comment). `fragmentsPerPage[i]` and `linesPerPage[i]` (lines outside tables and their captions)
 * are of the same page; fragments are changed in place.
 */
export function carryCaptionsOver(fragmentsPerPage: readonly TableFragment[][], linesPerPage: readonly (readonly Line[])[], s: TableSettings): void {
  for (let i = 0; i + 1 < fragmentsPerPage.length; i++) {
    const next = [...(fragmentsPerPage[i + 1] ?? [])].sort((a, b) => a.bbox.top - b.bbox.top)[0];
    const lines = linesPerPage[i] ?? [];
    if (next === undefined || next.title !== undefined || statsOf(next).linesAbove > 0 || lines.length === 0) continue;
    if (lines[0]!.page + 1 !== next.page) continue;
    const cap = footCaption(fragmentsPerPage[i] ?? [], lines, next, s);
    if (cap === undefined) continue;
    next.title = cap.title;
    if (next.unit === undefined && cap.unit !== undefined) next.unit = cap.unit;
    if (next.issuer === undefined && cap.issuer !== undefined) next.issuer = cap.issuer;
  }
}
