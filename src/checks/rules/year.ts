/**
 * year.mismatch: the year a 公文 is about (the year in its own title, else the year its first body
 * paragraph opens with) against the years in the titles of its own attachments — the entries of its
 * 附件 list and the titles of the tables on its pages. Documents cited with a 文号, and cited
 * notices (…通知/意见/批复/函), are other documents and keep their own years.
 */
import type { CheckInput, Rule, RuleResult } from '../../model/check.ts';
import type { Evidence, Gongwen, Table } from '../../model/types.ts';
import { documentOfTable, paragraphsOf, Tally } from '../context.ts';
import { headerEvidence, textEvidence } from '../evidence.ts';
import { compact, yearsIn } from '../text.ts';

export const YEAR_RULE = 'year.mismatch';

/** A 文号 in brackets after a cited title: '（武办文[2021]40 号）'. */
const CITED_NUMBER = /[（(][^（）()]*(?:19|20)\d{2}[^（）()]*号\s*[）)]\s*$/;
/** Titles of notices and other documents that are cited, not attached tables or plans. */
const CITED_GENRE = /(通知|意见|批复|通报|函|决定|公告|通告)$/;

/** The years of a 公文: its title's, else the year its first paragraph opens with ('2023 年，…'). */
export function documentYears(input: CheckInput, doc: Gongwen): { years: number[]; source: string } | null {
  const fromTitle = yearsIn(doc.title ?? '');
  if (fromTitle.length > 0) return { years: fromTitle, source: doc.title ?? '' };
  const titleKey = compact(doc.title ?? '');
  const first = paragraphsOf(input, doc).find((p) => compact(p.text).length > 20 && compact(p.text) !== titleKey);
  const m = first ? /^\s*((?:19|20)\d{2})\s*年[，,]/.exec(first.text) : null;
  return m ? { years: [Number(m[1])], source: first!.text.slice(0, 40) } : null;
}

/** An attachment entry's own title: the text inside its outer 《》 when there is one. */
function entryTitle(entry: string): string {
  const m = /^\s*《(.*)》\s*$/.exec(entry.replace(CITED_NUMBER, ''));
  return (m ? m[1]! : entry).trim();
}

function check(
  tally: Tally,
  doc: Gongwen,
  docYears: { years: number[]; source: string },
  what: string,
  title: string,
  evidence: Evidence | null,
): void {
  const years = yearsIn(title);
  if (years.length === 0) return;
  const shown = docYears.years.join('、');
  if (years.some((y) => docYears.years.includes(y))) {
    tally.pass(`${what} ${years.join('、')} = ${shown}`);
    return;
  }
  tally.fail({
    rule: YEAR_RULE,
    severity: 'error',
    message: `${what}“${title}”的年份 ${years.join('、')} 与公文《${doc.title ?? docYears.source}》的年份 ${shown} 不一致`,
    expected: shown,
    actual: years.join('、'),
    evidence: evidence ? [evidence] : [],
  });
}

export function runYear(input: CheckInput): RuleResult {
  const tally = new Tally();
  for (const doc of input.document.documents) {
    const docYears = documentYears(input, doc);
    if (!docYears) continue;
    const pages = { from: doc.pageFrom, to: doc.pageTo };
    const paragraphs = paragraphsOf(input, doc);
    for (const entry of doc.attachments) {
      if (CITED_NUMBER.test(entry)) continue;
      const title = entryTitle(entry);
      if (CITED_GENRE.test(title)) continue;
      check(tally, doc, docYears, '附件', title, textEvidence(paragraphs, entry, pages) ?? textEvidence(paragraphs, title, pages));
    }
    const tables = input.tables.filter((t: Table) => documentOfTable(input, t)?.index === doc.index && t.title);
    for (const t of tables) {
      const page = t.pages[0]!;
      const evidence = t.titleBox
        ? { page: t.titleBox.page, bbox: t.titleBox.bbox, text: t.title! }
        : (textEvidence(input.paragraphs, t.title!, { from: page, to: page }) ?? headerEvidence(t, t.title!));
      check(tally, doc, docYears, `表 ${t.id} 标题`, t.title!, evidence);
    }
  }
  return tally.result();
}

export const yearRule: Rule = {
  id: YEAR_RULE,
  severity: 'error',
  description: "the year of a 公文's title equals the years in the titles of its own attachments and tables",
  run: runYear,
};
