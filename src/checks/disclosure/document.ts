/**
 * One disclosure as the rules see it: the 公文 (or the whole PDF when no 公文 was found), the set it
 * claims, its standard tables and the named amounts read from them.
 */
import type { CheckInput, Paragraph } from '../../model/check.ts';
import type { Table } from '../../model/types.ts';
import { documentOfTable, paragraphsOf } from '../context.ts';
import { claimedSet, kindOfTitle, normalizeTitle, recogniseTables, type DisclosureSet, type DisclosureTableKind, type RecognisedTable } from './tables.ts';
import { columnValue, firstValue, rowValue, type CellAmount } from './values.ts';
import { moneyUnitOf } from '../text.ts';

export interface Disclosure {
  set: DisclosureSet;
  /**
   * the title or heading the claim was read from; null for a PDF of tables only whose title does not
   * claim a set but which holds at least MIN_TABLES_UNCLAIMED standard tables (its identities are
   * checked, its missing tables are not reported)
   */
  claim: string | null;
  paragraphs: Paragraph[];
  tables: Table[];
  recognised: RecognisedTable[];
}

/** Standard tables that make a PDF whose title claims no set a disclosure all the same (tables only). */
export const MIN_TABLES_UNCLAIMED = 3;

/** How far above a table's first cell a unit line ('部门：… 单位：万元') may be printed, PDF points. */
const UNIT_LINE_GAP = 60;

/**
 * A table whose `unit` was not found by the table stage, with the money unit of a short paragraph
 * printed just above its first cell on the same page ('部门：江苏省政协办公厅 单位：万元'); the table
 * itself when it has a unit or no such line is there.
 */
function withUnitLine(t: Table, paragraphs: readonly Paragraph[]): Table {
  if (moneyUnitOf(t.unit)) return t;
  const first = t.cells.filter((c) => c.page === t.pages[0]);
  if (first.length === 0) return t;
  const top = Math.min(...first.map((c) => c.bbox.top));
  const line = paragraphs.find(
    (p) => p.page === t.pages[0] && p.bbox.bottom <= top + 2 && top - p.bbox.bottom <= UNIT_LINE_GAP && /单位[:：]/.test(p.text) && p.text.length <= 60 && moneyUnitOf(p.text),
  );
  return line ? { ...t, unit: line.text } : t;
}

/** A disclosure from a claim, or from its tables alone (the set then from 决算 in a title). */
function disclosureOf(claim: { set: DisclosureSet; claim: string } | null, paragraphs: Paragraph[], printed: Table[]): Disclosure | null {
  const tables = printed.map((t) => withUnitLine(t, paragraphs));
  const recognised = recogniseTables(tables);
  if (claim) return { ...claim, paragraphs, tables, recognised };
  if (recognised.length < MIN_TABLES_UNCLAIMED) return null;
  const final = tables.some((t) => /决算/.test(t.title ?? ''));
  return { set: final ? 'final' : 'budget', claim: null, paragraphs, tables, recognised };
}

/** The disclosures in a document: one per 公文 that claims a set or holds the standard tables (or the whole PDF). */
export function disclosuresOf(input: CheckInput): Disclosure[] {
  const docs = input.document.documents;
  if (docs.length === 0) {
    const d = disclosureOf(claimedSet(null, input.paragraphs), input.paragraphs, input.tables);
    return d ? [d] : [];
  }
  const out: Disclosure[] = [];
  for (const doc of docs) {
    const paragraphs = paragraphsOf(input, doc);
    const tables = input.tables.filter((t) => documentOfTable(input, t)?.index === doc.index);
    const d = disclosureOf(claimedSet(doc.title, paragraphs), paragraphs, tables);
    if (d) out.push(d);
  }
  return out;
}

/** The recognised table of a kind, or undefined. */
export function tableOf(d: Disclosure, kind: DisclosureTableKind): Table | undefined {
  return d.recognised.find((r) => r.kind === kind)?.table;
}

const TOTAL = /^(合计|总计)$/;

/** Named amounts of a disclosure; null where the table or the label is not there. */
export interface NamedAmounts {
  /** 收支总表: 收入总计 / 支出总计, and 本年收入合计 / 本年支出合计 */
  incomeGrand: CellAmount | null;
  expenseGrand: CellAmount | null;
  incomeYear: CellAmount | null;
  expenseYear: CellAmount | null;
  /** 决算 收支总表: 结余分配, 年末结转和结余 */
  surplusAllocation: CellAmount | null;
  carryOver: CellAmount | null;
  /** 收入总表 / 支出总表 totals */
  incomeTotal: CellAmount | null;
  expenseTotal: CellAmount | null;
  /** 支出总表: 基本支出 / 项目支出 on the total row */
  expenseBasic: CellAmount | null;
  expenseProject: CellAmount | null;
  /** 财政拨款收支总表: 收入总计 / 支出总计 */
  fiscalIncome: CellAmount | null;
  fiscalExpense: CellAmount | null;
  /** 财政拨款收支总表: its 一般公共预算 and 政府性基金预算 income rows */
  fiscalGeneral: CellAmount | null;
  fiscalFund: CellAmount | null;
  /** whether the 财政拨款收支总表 prints a non-zero 结转/结余 row (then income and spending of a year differ by it) */
  fiscalCarried: boolean;
  /** 合计 of the 一般公共预算支出表, of the 财政拨款支出表 (all 财政拨款 by function), of the 政府性基金预算支出表 */
  generalTotal: CellAmount | null;
  fiscalTableTotal: CellAmount | null;
  fundTotal: CellAmount | null;
  /** 基本支出表: 合计, 人员经费, 公用经费 */
  basicTotal: CellAmount | null;
  basicPersonnel: CellAmount | null;
  basicPublic: CellAmount | null;
  /** “三公”: total and its three parts */
  threeTotal: CellAmount | null;
  threeAbroad: CellAmount | null;
  threeCars: CellAmount | null;
  threeReception: CellAmount | null;
}

function totalOf(t: Table | undefined): CellAmount | null {
  return t ? firstValue(rowValue(t, /^(收入|支出)?(总计|合计)$/), columnValue(t, TOTAL)) : null;
}

/** The first table titled as a 一般公共预算（财政拨款）支出表 whose title does (`general`) or does not name 一般公共预算. */
function expenseTableNaming(d: Disclosure, general: boolean): Table | undefined {
  return d.tables.find((t) => {
    if (!t.title || kindOfTitle(t.title) !== 'general-expense') return false;
    const names = /一般公共预算/.test(normalizeTitle(t.title));
    return general ? names : !names && /财政拨款/.test(normalizeTitle(t.title));
  });
}

/** Whether a table prints a 结转/结余 row with a non-zero amount. */
function carries(t: Table | undefined): boolean {
  if (!t) return false;
  const v = rowValue(t, /结转|结余/);
  return v !== null && v.value.value !== 0;
}

/** Reads the named amounts of a disclosure's tables. */
export function namedAmounts(d: Disclosure): NamedAmounts {
  const ie = tableOf(d, 'income-expense');
  const fiscal = tableOf(d, 'fiscal-income-expense');
  const expense = tableOf(d, 'expense');
  const basic = tableOf(d, 'general-basic');
  const three = tableOf(d, 'three-public');
  const row = (t: Table | undefined, re: RegExp): CellAmount | null => (t ? rowValue(t, re) : null);
  const col = (t: Table | undefined, re: RegExp, whole = false): CellAmount | null => (t ? columnValue(t, re, whole) : null);
  // the “三公” total: a 小计 under a “三公” heading, else a 合计 when the table has no other items
  const threeOnly = three && !three.header.some((h) => /会议|培训/.test(h));
  return {
    incomeGrand: row(ie, /^收入(总计|合计)$/),
    expenseGrand: row(ie, /^支出(总计|合计)$/),
    incomeYear: row(ie, /^(本年|当年)收入(合计|小计)$/),
    expenseYear: row(ie, /^(本年|当年)支出(合计|小计)$/),
    surplusAllocation: row(ie, /^结余分配$/),
    carryOver: row(ie, /^年末结转和结余$/),
    incomeTotal: totalOf(tableOf(d, 'income')),
    expenseTotal: totalOf(expense),
    expenseBasic: col(expense, /^基本支出$/),
    expenseProject: col(expense, /^项目支出$/),
    fiscalIncome: row(fiscal, /^收入(总计|合计)$/),
    fiscalExpense: row(fiscal, /^支出(总计|合计)$/),
    fiscalGeneral: row(fiscal, /^一般公共预算(财政)?(拨款|资金)?(收入)?$/),
    fiscalFund: row(fiscal, /^政府性基金预算(财政)?(拨款|资金)?(收入)?$/),
    fiscalCarried: carries(fiscal),
    generalTotal: totalOf(expenseTableNaming(d, true)),
    fiscalTableTotal: totalOf(expenseTableNaming(d, false)),
    fundTotal: totalOf(tableOf(d, 'fund-expense')),
    basicTotal: basic ? firstValue(columnValue(basic, TOTAL), rowValue(basic, TOTAL)) : null,
    basicPersonnel: firstValue(col(basic, /^人员经费(合计|小计)?$/), row(basic, /^人员经费(合计|小计)?$/)),
    basicPublic: firstValue(col(basic, /^公用经费(合计|小计)?$/), row(basic, /^公用经费(合计|小计)?$/)),
    threeTotal: firstValue(col(three, /三公.*\/(小计|合计)$/, true), threeOnly ? col(three, TOTAL) : null, row(three, /^(“三公”|三公)经费?(合计|小计)?$/)),
    threeAbroad: firstValue(col(three, /^因公出国[（(]境[）)]费?(用)?$/), row(three, /^因公出国[（(]境[）)]费?(用)?$/)),
    threeCars: firstValue(
      col(three, /公务用车购置及运行(维护)?费\/(小计|合计)$/, true),
      col(three, /^公务用车购置及运行(维护)?费$/),
      row(three, /^公务用车购置及运行(维护)?费$/),
    ),
    threeReception: firstValue(col(three, /^公务接待费$/), row(three, /^公务接待费$/)),
  };
}
