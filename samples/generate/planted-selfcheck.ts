/**
 * Seed-specific cross-checks the planted-sample generator runs on the MODEL it prints (not on
 * the PDF), so each variant is known to hold exactly the inconsistencies its expected file lists.
 * Sample-generator code: deliberately simple and tied to the seed's three tables.
 */
import type { SeedModel } from './seed-model.ts';

/** One inconsistency found in the model: rule id and a short human description. */
export interface ModelIssue {
  rule: string;
  detail: string;
}

const YEAR_RE = /(\d{4}) 年/;

/** Budget note: table total vs rows, text total vs its parts and the table, years of title/caption/attachment. */
function budgetIssues(m: SeedModel, seedText: string): ModelIssue[] {
  const out: ModelIssue[] = [];
  const t = m.tables[0]!;
  const [total, ...rows] = t.rows;
  const sum = rows.reduce((a, r) => a + Number(r[3]), 0);
  if (Number(total![3]) !== sum) out.push({ rule: 'sum.total-mismatch', detail: `table 合计 ${total![3]} ≠ ${sum}` });
  const text = /共计 (\d+) 万元/.exec(seedText)!;
  const parts = [...seedText.matchAll(/(?:共|经费) (\d+) 万元/g)].map((x) => Number(x[1]));
  if (Number(text[1]) !== parts.reduce((a, b) => a + b, 0)) out.push({ rule: 'sum.total-mismatch', detail: `text 共计 ${text[1]} ≠ ${parts.join('+')}` });
  const year = YEAR_RE.exec(m.documents[0]!.title)![1];
  const caption = YEAR_RE.exec(t.title!)![1];
  if (caption !== year) out.push({ rule: 'year.mismatch', detail: `caption ${caption} vs title ${year}` });
  const att = YEAR_RE.exec(m.documents[0]!.attachments[0]!.replace(/(\d{4})年/, '$1 年'))![1];
  if (att !== year) out.push({ rule: 'year.mismatch', detail: `attachment ${att} vs title ${year}` });
  return out;
}

/** Village table: declared section counts, 序号 sequence, same unit + village twice in a section. */
function villageIssues(m: SeedModel): ModelIssue[] {
  const out: ModelIssue[] = [];
  const t = m.tables[1]!;
  let expectSeq = 1;
  let section: { text: string; seen: Set<string> } | null = null;
  const counts = new Map<string, { declared: number; rows: number }>();
  t.rows.forEach((r, i) => {
    if (t.rowKinds[i] === 'section') {
      const n = Number(/(\d+)\s*个?村/.exec(r[0]!)![1]);
      section = { text: r[0]!, seen: new Set() };
      counts.set(r[0]!, { declared: n, rows: 0 });
      return;
    }
    const seq = Number(r[0]);
    if (seq !== expectSeq) out.push({ rule: 'sequence.gap', detail: `expected ${expectSeq}, got ${seq}` });
    expectSeq = seq + 1;
    const s = section!;
    counts.get(s.text)!.rows++;
    const key = `${r[1]}|${r[2]}`;
    if (s.seen.has(key)) out.push({ rule: 'duplicate.row', detail: `${r[0]} ${r[1]} ${r[2]} in ${s.text}` });
    s.seen.add(key);
  });
  for (const [text, c] of counts) {
    if (c.declared !== c.rows) out.push({ rule: 'section.count-mismatch', detail: `${text}: ${c.rows} rows` });
  }
  return out;
}

/** Pairing table: 1—2 districts per county, '、' between them, the '全市N个区' claim. */
function pairingIssues(m: SeedModel, seedText: string): ModelIssue[] {
  const out: ModelIssue[] = [];
  const t = m.tables[2]!;
  const districts = new Set<string>();
  for (const [county, cell] of t.rows) {
    // a space between two CJK characters separates two districts; '区 (汉南区)' is a parenthesis
    if (/[\u4e00-\u9fff] [\u4e00-\u9fff]/.test(cell!)) out.push({ rule: 'format.list-separator', detail: `${county}: ${cell}` });
    const names = cell!.split(/、|(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/);
    if (names.length > 2) out.push({ rule: 'pairing.too-many', detail: `${county}: ${names.length}` });
    for (const n of names) districts.add(n);
  }
  const claim = Number(/全市(\d+)个区/.exec(seedText)![1]);
  if (claim !== districts.size) out.push({ rule: 'count.claim-mismatch', detail: `claim ${claim}, table ${districts.size}` });
  return out;
}

/** The inconsistencies of the given parts (0 budget note, 1 40号, 2 33号) of an edited seed model. */
export function modelIssues(m: SeedModel, seedText: string, parts: readonly number[]): ModelIssue[] {
  return [
    ...(parts.includes(0) ? budgetIssues(m, seedText) : []),
    ...(parts.includes(1) ? villageIssues(m) : []),
    ...(parts.includes(2) ? pairingIssues(m, seedText) : []),
  ];
}
