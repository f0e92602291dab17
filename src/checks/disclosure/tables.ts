/**
 * Recognising a 部门预算公开 / 部门决算公开: which set the document claims to be (from its title and
 * its first paragraphs), and which of the standard tables each extracted table is — by normalized
 * title keywords, and by header signature when the title is missing or only names the 部门.
 * Titles vary by year and province ('收支预算总表', '部门收支总表', '收入支出决算总表'), so kinds
 * are matched by keywords, never by exact strings.
 */
import type { Paragraph } from '../../model/check.ts';
import type { Table } from '../../model/types.ts';
import { compact } from '../text.ts';

/** The disclosure a document claims to be. */
export type DisclosureSet = 'budget' | 'final';

/** The standard tables of the two sets. */
export type DisclosureTableKind =
  | 'income-expense' // 收支总表
  | 'income' // 收入总表
  | 'expense' // 支出总表
  | 'fiscal-income-expense' // 财政拨款收支总表
  | 'general-expense' // 一般公共预算（财政拨款）支出表
  | 'general-basic' // 一般公共预算基本支出表
  | 'three-public' // “三公”经费支出表
  | 'fund-expense' // 政府性基金预算支出表
  | 'state-capital'; // 国有资本经营预算支出表

/** Chinese names of the kinds, for messages. */
export const KIND_NAMES: Record<DisclosureTableKind, string> = {
  'income-expense': '收支总表',
  income: '收入总表',
  expense: '支出总表',
  'fiscal-income-expense': '财政拨款收支总表',
  'general-expense': '一般公共预算（财政拨款）支出表',
  'general-basic': '一般公共预算基本支出表',
  'three-public': '“三公”经费支出表',
  'fund-expense': '政府性基金预算支出表',
  'state-capital': '国有资本经营预算支出表',
};

/**
 * Tables whose absence is reported. 国有资本经营预算支出表 is left out: many departments have no
 * such funds and older sets do not print the table at all.
 */
export const REQUIRED_KINDS: readonly DisclosureTableKind[] = [
  'income-expense',
  'income',
  'expense',
  'fiscal-income-expense',
  'general-expense',
  'general-basic',
  'three-public',
  'fund-expense',
];

/** Title text reduced to its keywords: no 部门/单位 line, no year, no spaces, no quotes or brackets' content kept. */
export function normalizeTitle(title: string): string {
  let s = compact(title);
  s = s.replace(/(部门名称|部门|单位名称|编制单位|单位)[:：].*$/, '');
  s = s.replace(/\d{4}年度?/g, '');
  s = s.replace(/[“”"‘’'「」]/g, '');
  s = s.replace(/^(附件|附表)\s*\d*[:：、.．]?/, '').replace(/^(\d+|[一二三四五六七八九十]+)[、.．-]/, '');
  return s;
}

/** The kind a title names, or null. Order matters: the specific names come first. */
export function kindOfTitle(title: string): DisclosureTableKind | null {
  const t = normalizeTitle(title);
  if (t === '' || !/表$|表[（(]/.test(t)) return null;
  if (/三公/.test(t)) return 'three-public';
  if (/国有资本经营/.test(t)) return 'state-capital';
  if (/政府性基金/.test(t)) return 'fund-expense';
  if (/财政拨款收[入、]?(支出?)?.*总表|财政拨款收支/.test(t)) return 'fiscal-income-expense';
  if (/基本支出/.test(t) && !/项目支出/.test(t)) return 'general-basic';
  if (/(一般公共预算|财政拨款).*支出/.test(t) && !/采购|机关运行|项目/.test(t)) return 'general-expense';
  if (/收[入、]?支(出)?(预算|决算)?总表|收入支出(预算|决算)?总表|财务收支/.test(t)) return 'income-expense';
  if (/收入(预算|决算)?总?表/.test(t) && !/支出|拨款|基金|一般公共/.test(t)) return 'income';
  if (/支出(预算|决算)?总?表/.test(t) && !/收入|拨款|基金|一般公共|基本|项目|采购|机关运行|三公|功能|经济/.test(t)) return 'expense';
  return null;
}

const headerText = (t: Table): string => compact(t.header.join('|'));

/**
 * The kind a table's header shows when its title does not say (title lost, or only the 部门 line):
 * two-sided 收入/支出 headers, 人员经费/公用经费 columns, the 三公 parts. Null when unsure.
 */
export function kindOfHeader(t: Table): DisclosureTableKind | null {
  const h = headerText(t);
  if (/因公出国/.test(h) && /公务接待/.test(h)) return 'three-public';
  const labels = t.rows.map((r) => compact(r[0] ?? '').replace(/^[一二三四五六七八九十]+[、.．]|^\d+[、.．]/, ''));
  if (/^收入/.test(h) && /支出/.test(h)) {
    // two-sided: the 收支总表 lists 财政拨款 as one source of income, the 财政拨款收支总表 its parts
    if (labels[0] === '财政拨款' || labels.includes('事业收入')) return 'income-expense';
    if (/^一般公共预算/.test(labels[0] ?? '')) return 'fiscal-income-expense';
    return null;
  }
  if (labels[0] === '收入总计' && /金额/.test(h)) return 'income';
  if (/^合计\|基本支出\|项目支出/.test(h)) return 'expense';
  if (/机关运行|项目|采购/.test(h)) return null;
  // 基本支出 by economic class: both 301 (工资福利, 人员经费) and 302 (商品和服务, 公用经费) rows
  const codes = new Set(t.rows.map((r) => compact(r[0] ?? '')));
  if (/科目/.test(h) && codes.has('301') && codes.has('302')) return 'general-basic';
  return null; // a two-sided 收入/支出 header may be 收支总表 or 财政拨款收支总表: the title must say which
}

/** A table recognised as one of the standard ones. */
export interface RecognisedTable {
  table: Table;
  kind: DisclosureTableKind;
  /** how: 'title' or 'header' */
  by: 'title' | 'header';
}

/**
 * The standard tables among `tables`, the first of each kind only (a later table of the same kind
 * is a repeat or a part). Tables with no title and no recognisable header are skipped.
 */
/** Whether a table has no title naming it (none, or only the 部门 line): it may be any standard table. */
export function untitled(t: Table): boolean {
  return !t.title || normalizeTitle(t.title) === '';
}

export function recogniseTables(tables: readonly Table[]): RecognisedTable[] {
  const out: RecognisedTable[] = [];
  const seen = new Set<DisclosureTableKind>();
  for (const table of tables) {
    const byTitle = table.title ? kindOfTitle(table.title) : null;
    const kind = byTitle ?? kindOfHeader(table);
    if (!kind || seen.has(kind)) continue;
    seen.add(kind);
    out.push({ table, kind, by: byTitle ? 'title' : 'header' });
  }
  return out;
}

/** The set a title claims: '…部门预算公开', '…年度预算公开', '…部门决算'. Null for anything else. */
export function setOfTitle(title: string | null | undefined): DisclosureSet | null {
  const t = compact(title ?? '');
  if (/执行/.test(t)) return null; // 预算执行情况: a report on the year, not a disclosure
  if (/(部门|单位)决算|决算公开|年度?决算$/.test(t)) return 'final';
  if (/决算/.test(t)) return null;
  if (/(部门|单位)预算|预算公开|年度?预算$/.test(t)) return 'budget';
  return null;
}

/**
 * The set a document claims to be, from its title, else from the first heading-like paragraphs
 * (a disclosure often opens with '江苏省…2019 年度部门预算公开' as its own line). Null when neither says.
 */
export function claimedSet(title: string | null | undefined, paragraphs: readonly Paragraph[]): { set: DisclosureSet; claim: string } | null {
  const fromTitle = setOfTitle(title);
  if (fromTitle && /公开|部门预算|部门决算|单位预算|单位决算/.test(compact(title ?? ''))) return { set: fromTitle, claim: compact(title!) };
  for (const p of paragraphs.slice(0, 6)) {
    const t = compact(p.text);
    if (t.length > 40) continue;
    const s = setOfTitle(t);
    if (s && /部门预算|部门决算|单位预算|单位决算|预算公开|决算公开/.test(t)) return { set: s, claim: t };
  }
  return null;
}
