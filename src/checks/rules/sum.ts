/**
 * sum.total-mismatch: totals in tables (rows and columns), totals in the text against the amounts
 * listed after 其中, and a table's grand total against the total its 公文 states in the text.
 */
import type { CheckInput, Rule, RuleResult } from '../../model/check.ts';
import type { Gongwen } from '../../model/types.ts';
import { documentOfTable, paragraphsOf, Tally } from '../context.ts';
import { cellEvidence, present, spanEvidence, tableName } from '../evidence.ts';
import { CHECK_SETTINGS, type CheckSettings } from '../settings.ts';
import { sameAmount, sumNumbers, unreadableNumber } from '../tables.ts';
import { formatNumber, type PrintedNumber } from '../text.ts';
import { checkAnyTableTotals } from './sumSubject.ts';
import { SUM_RULE, type TableTotal } from './sumTable.ts';
import { checkTextTotal, convert, textTotals, type TextAmount, type TextTotal } from './sumText.ts';

/** A converted amount without trailing zeros ('13.5000' → '13.5'). */
function shortNumber(n: PrintedNumber): string {
  const s = formatNumber(n.value, n.decimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Whether a table total (in its column's money unit) equals an amount of the text. */
function equalsAmount(t: TableTotal, a: TextAmount, settings: CheckSettings): boolean {
  return t.unit !== null && sameAmount(a.value, convert({ value: t.value, unit: t.unit }, a.unit), settings);
}

/** (c) a table attached to a 公文 against the total the 公文's text states. */
function checkTextAgainstTables(
  doc: Gongwen,
  texts: readonly TextTotal[],
  tables: readonly TableTotal[],
  tally: Tally,
  settings: CheckSettings,
): void {
  const money = tables.filter((t) => t.unit !== null);
  const byTable = new Map<string, TableTotal[]>();
  for (const t of money) byTable.set(t.table.id, [...(byTable.get(t.table.id) ?? []), t]);
  for (const [id, totals] of byTable) {
    let matched = false;
    for (const text of texts) {
      const hit = totals.find((t) => equalsAmount(t, text.total, settings));
      if (hit) {
        tally.pass(`text ${text.total.text} (p.${text.paragraph.page}) = ${id} 合计 ${hit.table.rows[hit.row]![hit.col]!.trim()} ${hit.unit}`);
        matched = true;
        break;
      }
      if (totals.some((t) => text.parts.some((a) => equalsAmount(t, a, settings)))) {
        matched = true; // the table details one of the listed parts
        break;
      }
    }
    // only a single stated total is compared: with several, which one the table details is unknown
    if (matched || texts.length !== 1) continue;
    const text = texts[0]!;
    const table = totals[0]!;
    const tableText = `${table.table.rows[table.row]![table.col]!.trim()} ${table.unit}`;
    const tableInTextUnit = `${shortNumber(convert({ value: table.value, unit: table.unit! }, text.total.unit))} ${text.total.unit}`;
    const shown = totals.map((t) => `${t.table.rows[t.row]![t.col]!.trim()} ${t.unit}`).join('、');
    // the side its own parts corroborate is taken as right: a text total that is the sum of the
    // amounts listed after 其中 makes the table's total the suspect one, and the other way round
    const textConsistent =
      text.parts.length >= 2 && sameAmount(text.total.value, sumNumbers(text.parts.map((a) => convert(a, text.total.unit))), settings);
    const tableSuspect = textConsistent;
    const textEvidence = spanEvidence(text.paragraph, text.phraseStart, text.total.end);
    const cells = totals.map((t) => cellEvidence(t.table, t.row, t.col));
    tally.fail({
      rule: SUM_RULE,
      severity: 'error',
      message:
        `第 ${text.paragraph.page} 页正文所述总额 ${text.total.text}与附表${tableName(table.table).slice(1)}的合计 ${shown}不一致` +
        `（《${doc.title ?? ''}》）`,
      expected: tableSuspect ? text.total.text : tableInTextUnit,
      actual: tableSuspect ? tableText : text.total.text,
      evidence: present(tableSuspect ? [...cells, textEvidence] : [textEvidence, ...cells]),
    });
  }
}

export function runSum(input: CheckInput, settings: CheckSettings = CHECK_SETTINGS): RuleResult {
  const tally = new Tally();
  const tableTotals = input.tables.flatMap((t) => checkAnyTableTotals(t, tally, settings, input.tables));
  const texts = input.paragraphs.flatMap((p) => textTotals(p, settings));
  for (const t of texts) checkTextTotal(t, tally, settings);
  for (const doc of input.document.documents) {
    const pars = new Set(paragraphsOf(input, doc));
    // a total whose number cannot be trusted (split by a poor text layer, low OCR confidence) is compared with nothing
    const docTexts = texts.filter((t) => pars.has(t.paragraph) && t.total.doubt === null);
    const docTables = tableTotals.filter((t) => documentOfTable(input, t.table)?.index === doc.index && unreadableNumber(t.table, t.row, t.col, settings) === null);
    if (docTexts.length > 0 && docTables.length > 0) checkTextAgainstTables(doc, docTexts, docTables, tally, settings);
  }
  return tally.result();
}

export const sumRule: Rule = {
  id: SUM_RULE,
  severity: 'error',
  description: '合计/总计/小计 rows and columns equal the sum of their parts (subject tables: each 类/款 its children, 合计 the top level; a rounding-only difference is a sum.rounding info); a text total equals the amounts listed after 其中 and the total of its attached table',
  run: (input) => runSum(input),
};
