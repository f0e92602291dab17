/**
 * pairing.too-many: the range the text sets ('按照1—2个区结对帮扶1个县（市）') against the pairing
 * records of the same 公文: every county must have between min and max districts.
 */
import type { CheckInput, Paragraph, Rule, RuleResult } from '../../model/check.ts';
import { paragraphsOf, tableById, Tally } from '../context.ts';
import { cellEvidence, present, spanEvidence } from '../evidence.ts';
import { pairingFacts } from '../pairings.ts';
import { CN_NUMERAL_CLASS, compact, parseCount, RANGE_DASH_CLASS } from '../text.ts';

export const PAIRING_RULE = 'pairing.too-many';

const NUM = `[0-9０-９]+|[${CN_NUMERAL_CLASS}]`;
const RANGE = new RegExp(
  `(${NUM})\\s*[${RANGE_DASH_CLASS}]\\s*(${NUM})\\s*个\\s*区[^。；]{0,12}?(?:1|１|一)\\s*个\\s*(?:县（市）|县\\(市\\)|县市|县|市)`,
);

export interface PairingRange {
  paragraph: Paragraph;
  start: number;
  end: number;
  min: number;
  max: number;
}

/** The first districts-per-county range stated in the paragraphs. */
export function pairingRange(paragraphs: readonly Paragraph[]): PairingRange | null {
  for (const p of paragraphs) {
    const m = RANGE.exec(p.text);
    if (!m) continue;
    const a = parseCount(m[1]!);
    const b = parseCount(m[2]!);
    if (a === null || b === null) continue;
    return { paragraph: p, start: m.index, end: m.index + m[0].length, min: Math.min(a, b), max: Math.max(a, b) };
  }
  return null;
}

/** Column of a row holding the districts (the cell containing the first one), else the last. */
function districtColumn(row: readonly string[], districts: readonly string[]): number {
  const first = compact(districts[0] ?? '');
  const c = row.findIndex((cell) => first !== '' && compact(cell).includes(first));
  return c >= 0 ? c : row.length - 1;
}

export function runPairingRange(input: CheckInput): RuleResult {
  const tally = new Tally();
  for (const doc of input.document.documents) {
    const facts = pairingFacts(input, doc);
    if (!facts) continue;
    const range = pairingRange(paragraphsOf(input, doc));
    if (!range) continue;
    const said = range.paragraph.text.slice(range.start, range.end);
    let ok = 0;
    for (const c of facts.counties) {
      const n = c.districts.length;
      if (n >= range.min && n <= range.max) {
        tally.pass();
        ok++;
        continue;
      }
      const table = tableById(input, c.table);
      tally.fail({
        rule: PAIRING_RULE,
        severity: 'error',
        message:
          `${c.label} 有 ${n} 个结对帮扶区（${c.districts.join('、')}），` +
          `不符合第 ${range.paragraph.page} 页“${said}”（${range.min}–${range.max} 个）`,
        expected: `${range.min}–${range.max}`,
        actual: n,
        evidence: present([
          ...(table ? c.rows.map((r) => cellEvidence(table, r, districtColumn(table.rows[r] ?? [], c.districts))) : []),
          spanEvidence(range.paragraph, range.start, range.end),
        ]),
      });
    }
    if (ok > 0) tally.verified.push(`${ok} of ${facts.counties.length} counties with ${range.min}–${range.max} districts each (“${said}”)`);
  }
  return tally.result();
}

export const pairingRangeRule: Rule = {
  id: PAIRING_RULE,
  severity: 'error',
  description: 'every county has as many paired districts as the range the text states (N—M个区结对帮扶1个县)',
  run: runPairingRange,
};
