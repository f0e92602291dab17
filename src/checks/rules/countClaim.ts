/**
 * count.claim-mismatch: counts the text claims ('全市15个区', '恩施州所辖8县（市）和宜昌市五峰县',
 * 'N 个村') against the distinct entities of the related table of the same 公文: 区 ↔ districts of
 * the pairing records, 县/县（市） ↔ counties (of the named prefecture when one is named),
 * 村 ↔ village-assignment records. Rates ('1—2个区结对帮扶1个县') and ordinals are not claims.
 */
import type { CheckInput, Paragraph, Rule, RuleResult } from '../../model/check.ts';
import type { Gongwen } from '../../model/types.ts';
import { documentOfTable, paragraphsOf, recordsOfKind, tableById, Tally } from '../context.ts';
import { present, spanEvidence, tableName, titleEvidence } from '../evidence.ts';
import { pairingFacts, type PairingFacts } from '../pairings.ts';
import { CHECK_SETTINGS, type CheckSettings } from '../settings.ts';
import { CN_NUMERAL_CLASS, compact, parseCount, RANGE_DASH_CLASS } from '../text.ts';

export const COUNT_RULE = 'count.claim-mismatch';

const CLAIM = new RegExp(
  `([0-9０-９]+|[${CN_NUMERAL_CLASS}]+)\\s*(个)?\\s*(县（市）|县\\(市\\)|县市|县|区|村)`,
  'g',
);
/** Characters that make the noun part of a longer word (区域, 县级, 村民…). */
const COMPOUND: Record<string, RegExp> = {
  区: /^[域级县间块内外划位]/,
  县: /^[级域城区乡委长]/,
  村: /^[级民庄委组镇落干]/,
};
const QUALIFIER_TAIL = /(所辖|下辖|辖|及其所辖|及其|及所辖|的|共有|共|所属)?$/;
const AND_COUNTY = /^\s*(?:和|及|以及|、|与)\s*([\u4e00-\u9fff]{2,10})/;
/** Words before a count that belong to the claim ('全市15个区'). */
const CLAIM_LEAD = /(全市|全省|全区|全县|全州|共有|共计|共)\s*$/;

/** The longest start of `s` that is a known county name ('宜昌市五峰县巩固…' → '宜昌市五峰县'). */
function knownCountyAt(s: string, names: readonly string[]): string | null {
  for (let n = s.length; n >= 2; n--) if (names.includes(s.slice(0, n))) return s.slice(0, n);
  return null;
}

export interface CountClaim {
  paragraph: Paragraph;
  start: number;
  end: number;
  count: number;
  noun: '区' | '县' | '村';
  /** prefecture named before the count ('恩施州所辖8县'), if any */
  prefecture: string | null;
  /** a county added after it ('和宜昌市五峰县'), if any */
  plusCounty: string | null;
}

/** The count claims of a paragraph (Arabic counts; Chinese numerals only with 个). */
export function countClaims(
  p: Paragraph,
  prefectures: readonly string[],
  countyNames: readonly string[],
  settings: CheckSettings = CHECK_SETTINGS,
): CountClaim[] {
  const out: CountClaim[] = [];
  const text = p.text;
  for (const m of text.matchAll(CLAIM)) {
    const start = m.index!;
    const end = start + m[0].length;
    const arabic = /^[0-9０-９]/.test(m[1]!);
    if (!arabic && !m[2]) continue;
    const count = parseCount(m[1]!);
    if (count === null || count < 2) continue;
    const before = text.slice(Math.max(0, start - settings.claimQualifierChars), start);
    if (new RegExp(`[${RANGE_DASH_CLASS}]\\s*$|[第每.．0-9]\\s*$`).test(before)) continue;
    const noun = (m[3]!.startsWith('县') ? '县' : m[3]!) as CountClaim['noun'];
    const after = text.slice(end);
    if (m[3] === noun && COMPOUND[noun]!.test(after)) continue;
    if (/^[^。；]{0,8}?(?:1|一)\s*个/.test(after)) continue; // a rate: 'N个区结对帮扶1个县'
    const head = compact(before).replace(QUALIFIER_TAIL, '');
    const prefecture = noun === '县' ? (prefectures.find((pf) => head.endsWith(pf)) ?? null) : null;
    const and = noun === '县' ? AND_COUNTY.exec(after) : null;
    const plusCounty = and ? knownCountyAt(and[1]!, countyNames) : null;
    const lead = CLAIM_LEAD.exec(before);
    const from =
      prefecture && before.lastIndexOf(prefecture) >= 0
        ? start - before.length + before.lastIndexOf(prefecture)
        : start - (lead ? lead[0].length : 0);
    out.push({
      paragraph: p,
      start: from,
      end: end + (and && plusCounty ? and[0].length - and[1]!.length + plusCounty.length : 0),
      count,
      noun,
      prefecture,
      plusCounty,
    });
  }
  return out;
}

function resolveCounty(facts: PairingFacts, name: string): PairingFacts['counties'][number] | undefined {
  return facts.counties.find((c) => c.label === name || c.county === name || c.label.endsWith(name));
}

/**
 * Expected count and a description of it for one claim (`fact` for the check summary's verified list,
 * `factZh` for the Chinese finding message); null when nothing to compare with.
 */
function expectation(claim: CountClaim, facts: PairingFacts | null, villages: number): { expected: number; claimed: number; fact: string; factZh: string } | null {
  if (claim.noun === '村') return villages > 0 ? { expected: villages, claimed: claim.count, fact: `${villages} villages`, factZh: `表中 ${villages} 个村` } : null;
  if (!facts) return null;
  if (claim.noun === '区') return { expected: facts.districts.length, claimed: claim.count, fact: `${facts.districts.length} districts`, factZh: `表中 ${facts.districts.length} 个区` };
  const all = facts.counties.length;
  const extra = claim.plusCounty ? resolveCounty(facts, claim.plusCounty) : undefined;
  if (claim.prefecture) {
    const own = facts.counties.filter((c) => c.prefecture === claim.prefecture).length;
    if (extra && extra.prefecture !== claim.prefecture) {
      return {
        expected: own + 1,
        claimed: claim.count + 1,
        fact: `${own} counties of ${claim.prefecture} + ${extra.county} = ${own + 1} counties`,
        factZh: `表中${claim.prefecture} ${own} 个县（市）+ ${extra.county} = ${own + 1} 个`,
      };
    }
    return { expected: own, claimed: claim.count, fact: `${own} counties of ${claim.prefecture}`, factZh: `表中${claim.prefecture} ${own} 个县（市）` };
  }
  const expected = extra ? all - 1 : all;
  return {
    expected,
    claimed: claim.count,
    fact: extra ? `${expected} counties + ${extra.county} = ${all} counties` : `${all} counties`,
    factZh: extra ? `表中 ${expected} 个县（市）+ ${extra.county} = ${all} 个` : `表中 ${all} 个县（市）`,
  };
}

function checkDocument(input: CheckInput, doc: Gongwen, tally: Tally): void {
  const facts = pairingFacts(input, doc);
  const villageRecords = recordsOfKind(input.records, 'village-assignment').filter((r) => {
    const t = tableById(input, r.table);
    return t !== undefined && documentOfTable(input, t)?.index === doc.index;
  });
  if (!facts && villageRecords.length === 0) return;
  const prefectures = facts ? [...new Set(facts.counties.flatMap((c) => (c.prefecture ? [c.prefecture] : [])))] : [];
  const countyNames = facts ? facts.counties.flatMap((c) => [c.label, c.county]) : [];
  const relatedTable = (claim: CountClaim) =>
    tableById(input, claim.noun === '村' ? (villageRecords[0]?.table ?? '') : (facts?.tables[0] ?? ''));
  for (const p of paragraphsOf(input, doc)) {
    for (const claim of countClaims(p, prefectures, countyNames)) {
      const want = expectation(claim, facts, villageRecords.length);
      if (!want) continue;
      const table = relatedTable(claim);
      const said = p.text.slice(claim.start, claim.end);
      if (want.expected === want.claimed) {
        tally.pass(`“${said}”: ${want.fact}${table ? ` (${table.id})` : ''}`);
        continue;
      }
      tally.fail({
        rule: COUNT_RULE,
        severity: 'error',
        message: `第 ${p.page} 页正文“${said}”与${table ? tableName(table) : '相关表格'}不一致：按表应为 ${want.expected}（${want.factZh}）`,
        expected: want.expected,
        actual: want.claimed,
        evidence: present([spanEvidence(p, claim.start, claim.end), table ? titleEvidence(table) : null]),
      });
    }
  }
}

export function runCountClaim(input: CheckInput): RuleResult {
  const tally = new Tally();
  for (const doc of input.document.documents) checkDocument(input, doc, tally);
  return tally.result();
}

export const countClaimRule: Rule = {
  id: COUNT_RULE,
  severity: 'error',
  description: 'counts claimed in the text (N个区, N县（市）, N个村) equal the distinct entities of the related table in the same 公文',
  run: runCountClaim,
};
