/**
 * The check summary's verified facts (check-summary.json `verified`, written in English machine
 * text by the rules in src/checks/rules/) as shown under --lang zh: each rule's sentence shape
 * rewritten in Chinese, numbers, ids and quoted text kept. A fact no shape matches is shown as is.
 */

/** [English shape, Chinese] in order; the first that matches the whole fact wins. */
const SHAPES: readonly [RegExp, string][] = [
  // sumText: '2368 = 618 + 1750 (万元, p.1 text)'
  [/^(.*) \((元|万元|亿元), p\.(\d+) text\)$/s, '$1（$2，第 $3 页正文）'],
  // sum: 'text 2368 万元 (p.1) = t1 合计 2368 万元'
  [/^text (.+?) \(p\.(\d+)\) = (.*)$/s, '正文 $1（第 $2 页）= $3'],
  // disclosureText: 'p.3 比上年增加 … ≈ 5.2%'
  [/^p\.(\d+) (.*)$/s, '第 $1 页 $2'],
  // sumTable: 't1 合计 = 中央资金 + 县级资金 in 12 rows'
  [/^(.*) in (\d+) rows$/s, '$1（$2 行）'],
  // sequence: 't2 序号 1–271 consecutive', '… (3 sections)'
  [/^(.*) consecutive$/s, '$1 连续'],
  [/^(.*) without repeats$/s, '$1 无重复'],
  // duplicatePassage
  [/^(\d+) of (\d+) long paragraphs \(≥ (\d+) chars\) printed once$/, '$2 段长段落（≥ $3 字）中 $1 段只出现一次'],
  // sectionCount
  [/^(.*): (\d+) of (\d+) section counts$/s, '$1：$3 个分组中 $2 个的声明数目相符'],
  [/^(.*): (\d+) section counts$/s, '$1：$2 个分组的声明数目相符'],
  // pairingRange
  [/^(\d+) of (\d+) counties with (\d+)–(\d+) districts each (.*)$/s, '$2 个县中 $1 个各有 $3–$4 个区结对 $5'],
  // listSeparator
  [/^(\d+) cells listing names with '、'$/, '$1 个单元格用“、”分隔列举的名称'],
  // duplicateRow
  [/^villages unique within (\d+) sections$/, '$1 个分组内村名互不重复'],
  [/^(\d+) county–district pairs unique$/, '$1 对县区结对互不重复'],
  [/^(.*): (\d+) distinct rows within their sections$/s, '$1：分组内 $2 行互不重复'],
  // citation
  [/^(.*) cited with its title \((.*)\)$/s, '$1 引用的标题一致（$2）'],
];

/** Count words inside a verified line: countClaim's '15 districts', '9 counties of 恩施州 + 来凤县 = 10 counties', sumTable's 'Σ 11 rows'. */
const NOUNS: readonly [RegExp, string][] = [
  // sumTable's equation over many parts: 'Σ 11 rows'
  [/Σ (\d+) rows\b/g, 'Σ $1 行'],
  [/(\d+) villages\b/g, '$1 个村'],
  [/(\d+) districts\b/g, '$1 个区'],
  [/(\d+) counties of ([^\s+]+)/g, '$2 $1 个县（市）'],
  [/(\d+) counties\b/g, '$1 个县（市）'],
];

/** Count words in a claim's fact ('15 districts' → '15 个区'). */
function nouns(s: string): string {
  return NOUNS.reduce((acc, [re, zh]) => acc.replace(re, zh), s);
}

/** A verified fact in Chinese (see the module comment). */
export function factToZh(fact: string): string {
  for (const [re, zh] of SHAPES) if (re.test(fact)) return nouns(fact.replace(re, zh));
  return nouns(fact);
}
