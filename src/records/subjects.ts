/**
 * Subject tables (科目表): tables whose rows are keyed by budget subject codes — 功能分类科目
 * (201 / 20101 / 2010101: 类 / 款 / 项) or 经济分类科目 (301 / 30101) — printed either in one code
 * column (the code's length gives the level: 3 digits 类, 5 款, 7 项) or split over three columns
 * headed 类 / 款 / 项, where a 款 or 项 may be printed only partly ('01' under the 类 '201').
 *
 * `subjectTree(table)` recognises such a table from its structure (codes whose prefixes nest) and
 * its header, derives every row's full code and builds the tree: each node's parent is the nearest
 * row above whose code is the code one level up. Rows without a code (合计, 小计, notes) are not
 * nodes. Stable API: other rules (table-set identities) build on it.
 */
import type { Table } from '../model/types.ts';
import { parseAmount } from '../text/numbers.ts';

/** 1 = 类, 2 = 款, 3 = 项. */
export type SubjectLevel = 1 | 2 | 3;

/** Digits of a full code at each level (类 3, 款 5, 项 7). */
export const CODE_LENGTH: Readonly<Record<SubjectLevel, number>> = { 1: 3, 2: 5, 3: 7 };

/** One subject row of a table. */
export interface SubjectNode {
  /** index into the table's `rows` */
  row: number;
  /** the full code, derived from structure when printed partly ('201' + '01' → '20101') */
  code: string;
  /** the code cells as printed, joined with '/' for split columns ('/01/'), trimmed */
  printed: string;
  level: SubjectLevel;
  /** row of the parent node (the code one level up, nearest above), null when none in the table */
  parent: number | null;
  /** rows of the child nodes, in order */
  children: number[];
  /** the subject's name (科目名称), null when the row has none */
  name: string | null;
}

/** The subject structure of one table. */
export interface SubjectTree {
  /** id of the table */
  table: string;
  /** the code column, or the 类 / 款 / 项 columns */
  codeColumns: number[];
  /** the 科目名称 column, null when none */
  nameColumn: number | null;
  /** columns holding amounts (neither code nor name, mostly numbers on subject rows) */
  amountColumns: number[];
  /** every subject row, in row order */
  nodes: SubjectNode[];
  /** rows of the nodes without a parent in the table (the top level) */
  roots: number[];
  /** rows labelled 合计/总计 without a code (the table's grand totals) */
  totalRows: number[];
  /** rows labelled 小计 without a code */
  subtotalRows: number[];
}

const compact = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '');
const lastPart = (h: string): string => compact(h.split('/').pop() ?? '');

const FULL_CODE = /^\d{3}(?:\d{2}){0,2}$/;
const PART_CODE = /^\d{2}$/;
const CODE_HEADER = /编码|代码|编号|科目/;
const NAME_HEADER = /名称|科目|项目/;
/** a header naming amounts: never a code column, however its integers nest */
const AMOUNT_HEADER = /金额|预算数|决算数|[数额]$|元|合计|小计|支出|收入|经费|拨款/;
const GRAND_LABEL = /^(总合计|合计|总计|共计)[:：]?$|(合计|总计)[:：]?$/;
const SUB_LABEL = /^小计[:：]?$/;

const levelOf = (code: string): SubjectLevel | null =>
  code.length === 3 ? 1 : code.length === 5 ? 2 : code.length === 7 ? 3 : null;

/** Whether a cell holds a full code or (in a code column) a 2-digit partial code. */
const codeLike = (cell: string): boolean => FULL_CODE.test(compact(cell)) || PART_CODE.test(compact(cell));

/** The level a column stands for, from its header's last part or (a header row read as body) its first body cell: 类 1, 款 2, 项 3. */
function splitLevel(table: Table, c: number): number {
  const names = [lastPart(table.header[c] ?? ''), compact(table.rows[0]?.[c] ?? '')];
  return names.includes('类') ? 1 : names.includes('款') ? 2 : names.includes('项') ? 3 : 0;
}

/** The 类 / 款 (/ 项) column groups: adjacent columns named 类, 款 and optionally 项 (economic subjects stop at 款); several when lists are side by side. */
function splitCodeGroups(table: Table): number[][] {
  const groups: number[][] = [];
  for (let c = 0; c + 1 < table.columns; c++) {
    if (splitLevel(table, c) !== 1 || splitLevel(table, c + 1) !== 2) continue;
    const group = c + 2 < table.columns && splitLevel(table, c + 2) === 3 ? [c, c + 1, c + 2] : [c, c + 1];
    groups.push(group);
    c = group[group.length - 1]!;
  }
  return groups;
}

/** Pairs (parent, child) of full codes in a column where the child follows and extends the parent by 2 digits. */
function nestedPairs(codes: readonly string[]): number {
  const seen = new Set<string>();
  let pairs = 0;
  for (const code of codes) {
    if (code.length > 3 && seen.has(code.slice(0, -2))) pairs++;
    seen.add(code);
  }
  return pairs;
}

/** The single code columns: mostly codes, nesting, and a code-like header or at least two nested pairs (several: subject lists side by side). */
function singleCodeColumns(table: Table): number[] {
  const out: number[] = [];
  for (let c = 0; c < table.columns; c++) {
    const cells = table.rows.map((r) => compact(r[c] ?? '')).filter((t) => t !== '' && !GRAND_LABEL.test(t) && !SUB_LABEL.test(t));
    const full = cells.filter((t) => FULL_CODE.test(t));
    if (full.length < 2 || cells.filter(codeLike).length < 0.6 * cells.length) continue;
    const pairs = nestedPairs(full);
    const header = compact(table.header[c] ?? '');
    if (AMOUNT_HEADER.test(header)) continue;
    if ((CODE_HEADER.test(header) && pairs >= 1) || pairs >= 2) out.push(c);
  }
  return out;
}

/** The printed code cells of a row → full code and level, given the codes of the rows above. */
interface CodeState {
  /** last full code seen at each level (index 1..3) */
  last: (string | null)[];
}

/** A row's derived code; `partial` when it was printed without its upper levels. */
interface RowCode {
  code: string;
  level: SubjectLevel;
  partial: boolean;
}

/** Full code of a split-column row (类 / 款 / 项 cells), or null when no code or not derivable. */
function splitRowCode(cells: readonly string[], state: CodeState): RowCode | null {
  let found: RowCode | null = null;
  for (let i = 0; i < 3; i++) {
    const t = compact(cells[i] ?? '');
    if (t === '') continue;
    const level = (i + 1) as SubjectLevel;
    let code: string | null = null;
    if (t.length === CODE_LENGTH[level] && /^\d+$/.test(t)) code = t;
    else if (level > 1 && /^\d{1,2}$/.test(t)) {
      // the column gives the level, so a part printed without its leading zero ('2' for '02') is still read
      const up: string | null = found !== null && found.level === level - 1 ? found.code : (state.last[level - 1] ?? null);
      code = up ? up + t.padStart(2, '0') : null;
    } else if (level === 1 && /^\d{3}$/.test(t)) code = t;
    if (code === null) return null;
    found = { code, level, partial: t.length < CODE_LENGTH[level] };
    state.last[level] = code;
    for (let k = level + 1; k <= 3; k++) state.last[k] = null;
    // a full code printed in a lower column also fixes the levels above it
    for (let k = 1; k < level; k++) state.last[k] = code.slice(0, CODE_LENGTH[k as SubjectLevel]);
  }
  return found;
}

/** Full code of a single-column cell: a full code, or a 2-digit part completed from the row above. */
function singleRowCode(cell: string, state: CodeState, prev: RowCode | null): RowCode | null {
  const t = compact(cell);
  const level = levelOf(t);
  if (level && FULL_CODE.test(t)) {
    state.last[level] = t;
    for (let k = level + 1; k <= 3; k++) state.last[k] = null;
    return { code: t, level, partial: false };
  }
  if (!PART_CODE.test(t) || !prev) return null;
  // a part after a part is its sibling; after a full code it is one level below it
  const partLevel = (prev.partial ? prev.level : Math.min(3, prev.level + 1)) as SubjectLevel;
  if (partLevel === 1) return null;
  const up = state.last[partLevel - 1];
  if (!up) return null;
  const code = up + t;
  state.last[partLevel] = code;
  for (let k = partLevel + 1; k <= 3; k++) state.last[k] = null;
  return { code, level: partLevel, partial: true };
}

/** The name column among `cols`: the first non-code column headed like a name, else the first mostly-text one. */
function nameColumn(table: Table, cols: readonly number[], codeCols: readonly number[], codeRows: readonly number[]): number | null {
  const others = cols.filter((c) => !codeCols.includes(c));
  const textual = (c: number): boolean => {
    const cells = codeRows.map((r) => compact(table.rows[r]?.[c] ?? '')).filter((t) => t !== '');
    return cells.length > 0 && cells.filter((t) => parseAmount(t) === null).length >= 0.6 * cells.length;
  };
  return others.find((c) => NAME_HEADER.test(lastPart(table.header[c] ?? '')) && textual(c)) ?? others.find(textual) ?? null;
}

/** Columns of `cols` mostly holding amounts on the subject rows. */
function amountColumns(table: Table, cols: readonly number[], skip: readonly number[], codeRows: readonly number[]): number[] {
  const out: number[] = [];
  for (const c of cols) {
    if (skip.includes(c)) continue;
    const cells = codeRows.map((r) => table.rows[r]?.[c] ?? '').filter((t) => compact(t) !== '');
    const numbers = cells.filter((t) => parseAmount(t) !== null).length;
    if (numbers >= 1 && numbers >= 0.6 * cells.length) out.push(c);
  }
  return out;
}

/** The columns of each subject list: one list, or several side by side (each from its code column(s) to the next list's). */
function panels(table: Table): { codeColumns: number[]; split: boolean; cols: number[] }[] {
  const all = Array.from({ length: table.columns }, (_, c) => c);
  const split = splitCodeGroups(table);
  const groups = split.length > 0 ? split : singleCodeColumns(table).map((c) => [c]);
  return groups.map((codeColumns, i) => ({
    codeColumns,
    split: split.length > 0,
    cols: all.filter((k) => (i === 0 || k >= codeColumns[0]!) && (i + 1 >= groups.length || k < groups[i + 1]![0]!)),
  }));
}

/** One subject list of a table → its tree, or null when it has fewer than two subject rows. */
function panelTree(table: Table, panel: { codeColumns: number[]; split: boolean; cols: number[] }): SubjectTree | null {
  const { codeColumns, split, cols } = panel;
  const state: CodeState = { last: [null, null, null, null] };
  const nodes: SubjectNode[] = [];
  const totalRows: number[] = [];
  const subtotalRows: number[] = [];
  let prev: RowCode | null = null;
  table.rows.forEach((row, r) => {
    const cells = codeColumns.map((c) => row[c] ?? '');
    const got = split ? splitRowCode(cells, state) : singleRowCode(cells[0]!, state, prev);
    if (got) {
      prev = got;
      nodes.push({ row: r, code: got.code, printed: cells.map((t) => t.trim()).join('/'), level: got.level, parent: null, children: [], name: null });
      return;
    }
    const labels = cols.map((c) => compact(row[c] ?? '')).filter((t) => t !== '' && parseAmount(t) === null);
    if (labels.some((t) => SUB_LABEL.test(t))) subtotalRows.push(r);
    else if (labels.some((t) => GRAND_LABEL.test(t))) totalRows.push(r);
  });
  if (nodes.length < 2) return null;
  const codeRows = nodes.map((n) => n.row);
  const name = nameColumn(table, cols, codeColumns, codeRows);
  const amounts = amountColumns(table, cols, name === null ? codeColumns : [...codeColumns, name], codeRows);
  // parents: the nearest row above with the code one level up
  const lastAt = new Map<string, SubjectNode>();
  for (const n of nodes) {
    n.name = name === null ? null : (table.rows[n.row]?.[name] ?? '').trim() || null;
    const up = n.level > 1 ? lastAt.get(n.code.slice(0, CODE_LENGTH[(n.level - 1) as SubjectLevel])) : undefined;
    if (up) {
      n.parent = up.row;
      up.children.push(n.row);
    }
    lastAt.set(n.code, n);
  }
  return {
    table: table.id,
    codeColumns,
    nameColumn: name,
    amountColumns: amounts,
    nodes,
    roots: nodes.filter((n) => n.parent === null).map((n) => n.row),
    totalRows,
    subtotalRows,
  };
}

/**
 * A table's subject trees: one per subject list — usually one; two or more when lists are printed
 * side by side (人员经费 | 公用经费: each list from its code column to the next one's). Empty when
 * the table has no subject-code column(s).
 */
export function subjectTrees(table: Table): SubjectTree[] {
  return panels(table)
    .map((p) => panelTree(table, p))
    .filter((t): t is SubjectTree => t !== null);
}

/** A table's (first) subject tree, or null when the table has no subject-code column(s). See `subjectTrees` for side-by-side lists. */
export function subjectTree(table: Table): SubjectTree | null {
  return subjectTrees(table)[0] ?? null;
}
