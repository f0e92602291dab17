/**
 * The department (部门/单位) a budget table is for: the issuer printed with the table ('部门：…',
 * tables/captions.ts), else the name a disclosure's title puts before or after its year by the
 * standard formula of 部门预算/决算公开 titles:
 *   '<name>2019年度部门预算公开' / '<name>2018年部门收入预算总表'   (the name before the year)
 *   '一、2017年度<name>部门收支预算总表'                          (after the year, before '部门' or
 *                                                                  the table's words: 收支/收入/支出/财政拨款/…)
 * else the same read from the title of the 公文 the table belongs to; null when none says.
 */
import type { Table } from '../model/types.ts';

/** Words that start a table's own name ('收入预算总表', '政府采购预算表'), never a department's. */
const TABLE_WORDS = '(?:预算|决算|收支|收入|支出|财政拨款|一般公共预算|政府性基金|国有资本|项目支出|机关运行|政府采购|[“"]?三公)';
const AFTER_YEAR = new RegExp(`^\\d{4}年度?(.+?)(?:部门|单位)?${TABLE_WORDS}`);
const STARTS_LIKE_TABLE = new RegExp(`^${TABLE_WORDS}`);
/** A name is 2..40 characters, no punctuation of a sentence. */
const NAME = /^[^，。；：:,;\s]{2,40}$/;

/** The department a title names by the formula above, or null. */
export function departmentOfTitle(title: string | null | undefined): string | null {
  if (!title) return null;
  const t = title.replace(/\s+/g, '').replace(/^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|公开\d+表[:：]?|附表?\d*[:：、])/, '');
  const before = /^(.+?)\d{4}年度?/.exec(t);
  if (before && NAME.test(before[1]!)) return before[1]!;
  const after = AFTER_YEAR.exec(t);
  if (after && NAME.test(after[1]!) && !STARTS_LIKE_TABLE.test(after[1]!)) return after[1]!;
  return null;
}

/** The department of `table` (see the file comment); `documentTitle` is the title of its 公文. */
export function departmentOf(table: Table, documentTitle?: string | null): string | null {
  const issuer = table.issuer?.trim();
  if (issuer) return issuer;
  return departmentOfTitle(table.title) ?? departmentOfTitle(documentTitle);
}
