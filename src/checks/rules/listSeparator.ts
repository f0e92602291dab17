/**
 * format.list-separator: a table cell listing several names must separate them with '、'; a
 * space, '，', ',', '/', ';' between two names is a format slip ('洪山区 东湖生态旅游风景区').
 * A bracketed alias after a name ('武汉经济技术开发区 (汉南区)') is one name, not a list.
 */
import type { CheckInput, Rule, RuleResult } from '../../model/check.ts';
import { Tally } from '../context.ts';
import { cellEvidence, present } from '../evidence.ts';
import { FOREIGN_SEPARATORS, isNameLike } from '../text.ts';

export const LIST_RULE = 'format.list-separator';

/** The cell rewritten with '、' when it lists names with another separator; null otherwise. */
export function fixedList(cell: string): { fixed: string; separators: string[] } | null {
  const separators: string[] = [];
  let changed = false;
  const parts = cell.split('、').map((part) => {
    const glued = part.trim().replace(/\s+(?=[（(])/g, '');
    const pieces = glued.split(FOREIGN_SEPARATORS).filter((p) => p !== '');
    if (pieces.length < 2 || !pieces.every(isNameLike)) return part.trim();
    changed = true;
    for (const m of glued.matchAll(new RegExp(FOREIGN_SEPARATORS.source, 'g'))) {
      const shown = /^\s+$/.test(m[0]) ? '空格' : m[0];
      if (!separators.includes(shown)) separators.push(shown);
    }
    return pieces.join('、');
  });
  return changed ? { fixed: parts.join('、'), separators } : null;
}

export function runListSeparator(input: CheckInput): RuleResult {
  const tally = new Tally();
  let lists = 0;
  for (const table of input.tables) {
    table.rows.forEach((row, r) => {
      if (table.rowKinds[r] !== 'body') return;
      row.forEach((cell, c) => {
        const fix = fixedList(cell);
        if (!fix) {
          if (cell.includes('、')) lists++;
          return;
        }
        tally.fail({
          rule: LIST_RULE,
          severity: 'warning',
          message: `表 ${table.id} 单元格“${cell}”中的名称以${fix.separators.join('、')}分隔，应使用顿号“、”`,
          expected: fix.fixed,
          actual: cell,
          evidence: present([cellEvidence(table, r, c)]),
        });
      });
    });
  }
  for (let i = 0; i < lists; i++) tally.pass();
  if (lists > 0) tally.verified.push(`${lists} cells listing names with '、'`);
  return tally.result();
}

export const listSeparatorRule: Rule = {
  id: LIST_RULE,
  severity: 'warning',
  description: "names listed in one table cell are separated by '、'",
  run: runListSeparator,
};
