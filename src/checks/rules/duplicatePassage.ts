/**
 * duplicate.passage: a page or a long passage printed twice, possibly with a few words changed.
 * Long paragraphs (whitespace removed) are prefiltered by shared character shingles and length,
 * compared with a bounded Myers diff (similarity 2·LCS/(|a|+|b|)), and consecutive repeated
 * paragraphs (the same offset on both sides, short ones included) are reported as one passage
 * naming the words that differ.
 */
import type { CheckInput, Paragraph, Rule, RuleResult } from '../../model/check.ts';
import type { Evidence } from '../../model/types.ts';
import { Tally } from '../context.ts';
import { describeHunks, diffChars, diffHunks, similarity, type DiffOp, type Hunk } from '../diff.ts';
import { spanEvidence, unionBox } from '../evidence.ts';
import { CHECK_SETTINGS, type CheckSettings } from '../settings.ts';

export const PASSAGE_RULE = 'duplicate.passage';

/** Shingles shared by more paragraphs than this are boilerplate: they only link consecutive holders. */
const COMMON_SHINGLE_PARAGRAPHS = 50;

interface Para {
  p: Paragraph;
  key: string;
  /** index in `key` → index in `p.text` */
  map: number[];
}

function toPara(p: Paragraph): Para {
  const map: number[] = [];
  let key = '';
  for (let i = 0; i < p.text.length; i++) {
    if (/[\s\u3000]/.test(p.text[i]!)) continue;
    map.push(i);
    key += p.text[i];
  }
  return { p, key, map };
}

/** The edit script when two texts are near-duplicates, else null. */
function nearDuplicate(a: string, b: string, settings: CheckSettings): DiffOp[] | null {
  const total = a.length + b.length;
  if (Math.min(a.length, b.length) / Math.max(a.length, b.length) < settings.passageSimilarity) return null;
  const ops = diffChars(a, b, Math.floor((1 - settings.passageSimilarity) * total));
  return ops && similarity(ops) >= settings.passageSimilarity ? ops : null;
}

/** Candidate pairs (i < j) of long paragraphs sharing enough shingles, the best few per paragraph. */
function candidates(paras: readonly Para[], long: readonly number[], settings: CheckSettings): [number, number][] {
  const k = settings.shingleChars;
  const shingles = new Map<number, Set<string>>();
  const index = new Map<string, number[]>();
  for (const i of long) {
    const set = new Set<string>();
    const key = paras[i]!.key;
    for (let s = 0; s + k <= key.length; s++) set.add(key.slice(s, s + k));
    shingles.set(i, set);
    for (const sh of set) {
      const list = index.get(sh);
      if (list) list.push(i);
      else index.set(sh, [i]);
    }
  }
  const out: [number, number][] = [];
  for (const i of long) {
    const shared = new Map<number, number>();
    for (const sh of shingles.get(i)!) {
      const list = index.get(sh)!;
      if (list.length > COMMON_SHINGLE_PARAGRAPHS) {
        // boilerplate: only the next paragraph sharing it, so the work stays linear
        const next = list[list.indexOf(i) + 1];
        if (next !== undefined) shared.set(next, (shared.get(next) ?? 0) + 1);
        continue;
      }
      for (const j of list) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    const best = [...shared]
      .filter(([j, n]) => n >= settings.shingleOverlap * Math.max(shingles.get(i)!.size, shingles.get(j)!.size))
      .sort((x, y) => y[1] - x[1])
      .slice(0, settings.maxCandidatesPerPassage);
    for (const [j] of best) out.push([i, j]);
  }
  return out;
}

/**
 * Two passages differing in numbers ('1. 开展…' / '2. 开展…', '66.0 公里' / '79.1 公里') are two
 * instances of one template (list items, one paragraph per town), not a passage printed twice.
 */
function templated(hunks: readonly Hunk[]): boolean {
  return hunks.some((h) => /[0-9０-９]/.test(h.aWord + h.bWord));
}

interface Run {
  /** [first, last] paragraph indexes of the first occurrence and of the repeat */
  a: [number, number];
  b: [number, number];
  diffs: { i: number; j: number; hunks: Hunk[] }[];
}

function extend(paras: readonly Para[], run: Run, settings: CheckSettings, repeated: ReadonlySet<number>): void {
  const same = (i: number, j: number): DiffOp[] | null => {
    if (repeated.has(i) || repeated.has(j)) return null;
    const a = paras[i]?.key ?? '';
    const b = paras[j]?.key ?? '';
    if (Math.min(a.length, b.length) < settings.minRunExtensionChars) return null;
    if (a === b) return [{ op: 'equal', text: a }];
    const ops = nearDuplicate(a, b, settings);
    return ops && !templated(diffHunks(ops, settings.diffContextChars)) ? ops : null;
  };
  const add = (i: number, j: number, ops: DiffOp[]) => {
    const hunks = diffHunks(ops, settings.diffContextChars);
    if (hunks.length > 0) run.diffs.push({ i, j, hunks });
  };
  for (let ops; run.a[0] > 0 && (ops = same(run.a[0] - 1, run.b[0] - 1)); ) {
    run.a[0]--;
    run.b[0]--;
    add(run.a[0], run.b[0], ops);
  }
  for (let ops; run.a[1] + 1 < run.b[0] && run.b[1] + 1 < paras.length && (ops = same(run.a[1] + 1, run.b[1] + 1)); ) {
    run.a[1]++;
    run.b[1]++;
    add(run.a[1], run.b[1], ops);
  }
}

/** One box per page of a paragraph range. */
function sideEvidence(paras: readonly Para[], [from, to]: [number, number]): Evidence[] {
  const byPage = new Map<number, Paragraph[]>();
  for (let i = from; i <= to; i++) {
    const p = paras[i]!.p;
    byPage.set(p.page, [...(byPage.get(p.page) ?? []), p]);
  }
  return [...byPage].map(([page, ps]) => ({
    page,
    bbox: unionBox(ps.map((p) => p.bbox)),
    text: ps.map((p) => p.text).join('\n'),
  }));
}

/** Evidence of a difference: the line(s) holding it. */
function hunkEvidence(para: Para, start: number, length: number): Evidence {
  const from = para.map[Math.min(start, para.map.length - 1)] ?? 0;
  const to = (para.map[Math.min(start + Math.max(length, 1), para.map.length) - 1] ?? from) + 1;
  return spanEvidence(para.p, from, to, true);
}

function pages(paras: readonly Para[], [from, to]: [number, number]): string {
  const a = paras[from]!.p.page;
  const b = paras[to]!.p.page;
  return a === b ? `第 ${a} 页` : `第 ${a}–${b} 页`;
}

export function runDuplicatePassage(input: CheckInput, settings: CheckSettings = CHECK_SETTINGS): RuleResult {
  const tally = new Tally();
  const paras = input.paragraphs.map(toPara);
  const long = paras.flatMap((p, i) => (p.key.length >= settings.minPassageChars ? [i] : []));
  // a paragraph is reported as the repeat of at most one earlier one: bounds the work on texts
  // made of many near-identical paragraphs
  const repeated = new Set<number>();
  const runs: Run[] = [];
  for (const [i, j] of candidates(paras, long, settings)) {
    if (repeated.has(i) || repeated.has(j)) continue;
    const ops = nearDuplicate(paras[i]!.key, paras[j]!.key, settings);
    if (!ops) continue;
    const hunks = diffHunks(ops, settings.diffContextChars);
    if (templated(hunks)) continue;
    const run: Run = { a: [i, i], b: [j, j], diffs: hunks.length ? [{ i, j, hunks }] : [] };
    extend(paras, run, settings, repeated);
    for (let d = 0; d <= run.b[1] - run.b[0]; d++) repeated.add(run.b[0] + d);
    run.diffs.sort((x, y) => x.i - y.i);
    runs.push(run);
  }
  const involved = new Set<number>();
  for (const run of runs) {
    for (let d = 0; d <= run.a[1] - run.a[0]; d++) involved.add(run.a[0] + d).add(run.b[0] + d);
    const hunks = run.diffs.flatMap((d) => d.hunks);
    const count = run.a[1] - run.a[0] + 1;
    const chars = paras.slice(run.a[0], run.a[1] + 1).reduce((s, p) => s + p.key.length, 0);
    const head = paras[run.a[0]]!.key.slice(0, 12);
    const differs = hunks.length ? `，差异：${describeHunks(hunks)}` : '，内容完全相同';
    const evidence: Evidence[] = [...sideEvidence(paras, run.a), ...sideEvidence(paras, run.b)];
    for (const d of run.diffs.slice(0, 4)) {
      for (const h of d.hunks.slice(0, 2)) {
        evidence.push(hunkEvidence(paras[d.i]!, h.aWordStart, h.aWord.length), hunkEvidence(paras[d.j]!, h.bWordStart, h.bWord.length));
      }
    }
    tally.findings.push({
      rule: PASSAGE_RULE,
      severity: 'warning',
      message: `${pages(paras, run.a)}的 ${count} 段文字（${chars} 字，起于“${head}…”）在${pages(paras, run.b)}重复出现${differs}`,
      expected: hunks.length ? hunks.map((h) => h.aWord).join('；') : null,
      actual: hunks.length ? hunks.map((h) => h.bWord).join('；') : null,
      evidence,
    });
  }
  tally.checked = long.length;
  tally.passed = long.filter((i) => !involved.has(i)).length;
  tally.verified.push(`${tally.passed} of ${long.length} long paragraphs (≥ ${settings.minPassageChars} chars) printed once`);
  return tally.result();
}

export const duplicatePassageRule: Rule = {
  id: PASSAGE_RULE,
  severity: 'warning',
  description: 'no page or long passage is printed twice (near-duplicates with a few words changed included)',
  run: (input) => runDuplicatePassage(input),
};
