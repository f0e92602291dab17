/**
 * citation.title-mismatch: a document cited by title and 文号 ('《…》（武办文[2021]40 号）') in the
 * body or in a 附件 list, when a 公文 with that 文号 is in the same PDF, must carry that 公文's
 * title. Spaces and book-title marks (《》〈〉) do not count; citing the plan a 印发 notice issues
 * ('《X》（文号）' for '关于印发《X》的通知') is correct. 文号 of documents not in the PDF are not checked.
 */
import type { CheckInput, Paragraph, Rule, RuleResult } from '../../model/check.ts';
import type { Finding } from '../../model/findings.ts';
import type { Evidence, Gongwen } from '../../model/types.ts';
import { documentOfPage, Tally } from '../context.ts';
import { findText, spanEvidence } from '../evidence.ts';
import { diffChars, diffHunks } from '../diff.ts';
import { CHECK_SETTINGS } from '../settings.ts';
import { compact } from '../text.ts';

export const CITATION_RULE = 'citation.title-mismatch';

const DOC_NUMBER = /([\u4e00-\u9fff]{1,12})\s*[〔\[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]\s*第?\s*([0-9]+)\s*号/;
const CITED_NUMBER = new RegExp(`^\\s*[（(]\\s*${DOC_NUMBER.source}\\s*[）)]`);

/** A 文号 in the normalised form of DocNumber.normalized: '武办文〔2021〕40号'. */
export function normaliseDocNumber(prefix: string, year: string, serial: string): string {
  return `${compact(prefix)}〔${year}〕${Number(serial)}号`;
}

/** A title cited with a 文号 in a text. */
export interface Citation {
  /** the cited title, inside the outer 《》 */
  title: string;
  docNumber: string;
  start: number;
  end: number;
}

/** Citations '《title》（文号）' in a text; nested 《》/〈〉 stay inside the title. */
export function citationsIn(text: string): Citation[] {
  const out: Citation[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '《') {
      if (depth === 0) open = i;
      depth++;
    } else if (ch === '》' && depth > 0) {
      depth--;
      if (depth > 0) continue;
      const m = CITED_NUMBER.exec(text.slice(i + 1));
      if (!m) continue;
      out.push({
        title: text.slice(open + 1, i),
        docNumber: normaliseDocNumber(m[1]!, m[2]!, m[3]!),
        start: open,
        end: i + 1 + m[0].length,
      });
    }
  }
  return out;
}

/** A title for comparison: no whitespace, no book-title marks, one kind of brackets. */
export function titleKey(s: string): string {
  return compact(s).replace(/[《》〈〉<>]/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** The titles a 公文 may be cited by: its own, and the 《X》 it issues ('关于印发《X》的通知'). */
function acceptedTitles(doc: Gongwen): string[] {
  const title = doc.title ?? '';
  const inner = /印发《(.+)》/.exec(title);
  return [titleKey(title), ...(inner ? [titleKey(inner[1]!)] : [])];
}

/** 'lacks “向”', 'has “关于” instead of “市委办公厅市政府办公厅关于印发”' — what the cited title changes. */
export function describeTitleDiff(actual: string, cited: string): string {
  const ops = diffChars(actual, cited) ?? [];
  const hunks = diffHunks(ops, CHECK_SETTINGS.diffContextChars);
  const parts = hunks.slice(0, 4).map((h) => {
    if (h.a && !h.b) return `缺少“${h.a}”`;
    if (h.b && !h.a) return `多出“${h.b}”`;
    return `“${h.bWord}”应为“${h.aWord}”`;
  });
  if (hunks.length > 4) parts.push(`等 ${hunks.length} 处`);
  return parts.join('，');
}

interface Place {
  citation: Citation;
  /** the citing 公文 (null outside every 公文) */
  from: Gongwen | null;
  evidence: Evidence | null;
  where: string;
}

function placesInParagraphs(input: CheckInput): Place[] {
  return input.paragraphs.flatMap((p: Paragraph) =>
    citationsIn(p.text).map((citation) => ({
      citation,
      from: documentOfPage(input, p.page),
      evidence: spanEvidence(p, citation.start, citation.end),
      where: `第 ${p.page} 页`,
    })),
  );
}

/** 附件 list entries with a 文号 not already found in the paragraphs of their 公文. */
function placesInAttachments(input: CheckInput, known: readonly Place[]): Place[] {
  const out: Place[] = [];
  for (const doc of input.document.documents) {
    for (const entry of doc.attachments) {
      for (const citation of citationsIn(entry)) {
        const seen = known.some(
          (k) => k.from?.index === doc.index && k.citation.docNumber === citation.docNumber && titleKey(k.citation.title) === titleKey(citation.title),
        );
        if (seen) continue;
        const hit = findText(input.paragraphs, citation.title, { from: doc.pageFrom, to: doc.pageTo });
        out.push({
          citation,
          from: doc,
          evidence: hit ? spanEvidence(hit.paragraph, hit.start, hit.end) : null,
          where: '附件列表',
        });
      }
    }
  }
  return out;
}

export function runCitation(input: CheckInput): RuleResult {
  const tally = new Tally();
  const byNumber = new Map<string, Gongwen>();
  for (const d of input.document.documents) if (d.docNumber && d.title) byNumber.set(d.docNumber.normalized, d);
  const fromParagraphs = placesInParagraphs(input);
  const places = [...fromParagraphs, ...placesInAttachments(input, fromParagraphs)];
  for (const place of places) {
    const target = byNumber.get(place.citation.docNumber);
    if (!target || target.index === place.from?.index) continue;
    const cited = titleKey(place.citation.title);
    if (acceptedTitles(target).includes(cited)) {
      tally.pass(`${place.citation.docNumber} cited with its title (${place.where})`);
      continue;
    }
    const actual = titleKey(target.title!);
    const finding: Finding = {
      rule: CITATION_RULE,
      severity: 'error',
      message:
        `${place.where}引用的《${place.citation.title}》（${place.citation.docNumber}）与本 PDF 中该文号文件的标题` +
        `《${target.title}》不一致：引用标题${describeTitleDiff(actual, cited)}`,
      expected: target.title,
      actual: place.citation.title,
      evidence: place.evidence ? [place.evidence] : [],
    };
    tally.fail(finding);
  }
  return tally.result();
}

export const citationRule: Rule = {
  id: CITATION_RULE,
  severity: 'error',
  description: 'a title cited with a 文号 equals the title of the 公文 with that 文号 in the same PDF',
  run: runCitation,
};
