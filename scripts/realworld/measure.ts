/**
 * Scoring one extraction against its hand-checked expectation: tables cell by cell, text facts by
 * edit distance, repeated (fake-bold) text, false error-level findings, read method per page.
 * Text is compared with whitespace removed (a typographic space is not content here); nothing else
 * is folded ('（' vs '(' counts as wrong).
 */
import type { Extraction } from '../../src/model/outputs.ts';
import type { Finding } from '../../src/model/findings.ts';
import type { Table } from '../../src/model/types.ts';
import type { Criterion, ExpectedTable, RealworldSample } from './expected.ts';

/** Text without any whitespace. */
export function compact(s: string): string {
  return s.replace(/\s+/gu, '');
}

/** Text as compared for a sample: without whitespace; for a scan also width-folded (NFKC: '＜' = '<', '（' = '('), which a scan cannot show reliably. */
export function comparable(sample: RealworldSample): (s: string) => string {
  return sample.facts.bornDigital ? compact : (s) => compact(s.normalize('NFKC'));
}

/**
 * Smallest edit distance (code points) between `pattern` and any substring of `text` (Sellers'
 * algorithm: the match may start anywhere in the text).
 */
export function substringDistance(pattern: string, text: string): number {
  const p = Array.from(pattern);
  const t = Array.from(text);
  let prev = Array.from({ length: p.length + 1 }, (_, i) => i);
  let best = prev[p.length]!;
  for (let j = 1; j <= t.length; j++) {
    const cur = [0];
    for (let i = 1; i <= p.length; i++) {
      cur[i] = Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1));
    }
    best = Math.min(best, cur[p.length]!);
    prev = cur;
  }
  return best;
}

export interface TableScore {
  /** expected tables on the covered pages */
  expected: number;
  /** extracted tables on the covered pages */
  found: number;
  /** expected tables equal in title, unit, header, rows and row kinds */
  exact: number;
  /** expected cells (header + body) equal at their place in the best-matching extracted table */
  cellsRight: number;
  cells: number;
  /** per expected table: what differs ('' when exact) */
  diffs: string[];
}

/** Expected cells (header + rows) equal at the same place in an extracted table. */
function cellsRight(want: ExpectedTable, got: Table, key: (s: string) => string): number {
  let n = 0;
  want.header.forEach((h, c) => (key(got.header[c] ?? '') === key(h) ? n++ : 0));
  want.rows.forEach((row, r) => row.forEach((cell, c) => (key(got.rows[r]?.[c] ?? '\u0000') === key(cell) ? n++ : 0)));
  return n;
}

function cellCount(t: ExpectedTable): number {
  return t.header.length + t.rows.reduce((s, r) => s + r.length, 0);
}

/** What differs between an expected table and an extracted one, in a few words. */
function tableDiff(want: ExpectedTable, got: Table | undefined, key: (s: string) => string): string {
  if (!got) return 'not found';
  const out: string[] = [];
  const same = (a: string | null, b: string | null): boolean => key(a ?? '') === key(b ?? '');
  if (!same(want.title, got.title)) out.push(`title ${JSON.stringify(got.title)} ≠ ${JSON.stringify(want.title)}`);
  if (!same(want.unit, got.unit)) out.push(`unit ${JSON.stringify(got.unit)} ≠ ${JSON.stringify(want.unit)}`);
  if (got.columns !== want.header.length) out.push(`${got.columns} columns ≠ ${want.header.length}`);
  if (got.rows.length !== want.rows.length) out.push(`${got.rows.length} rows ≠ ${want.rows.length}`);
  const wrong = cellCount(want) - cellsRight(want, got, key);
  if (wrong > 0) out.push(`${wrong} cells wrong`);
  if (want.rowKinds.join() !== got.rowKinds.join()) out.push('row kinds differ');
  if (want.pages.join() !== got.pages.join()) out.push(`pages ${got.pages.join(',')} ≠ ${want.pages.join(',')}`);
  return out.join('; ');
}

/** Whether rank `a` is above `b`, comparing entry by entry. */
function ranksAbove(a: readonly number[], b: readonly number[]): boolean {
  const i = a.findIndex((x, k) => x !== b[k]);
  return i >= 0 && a[i]! > b[i]!;
}

/** Expected tables against the extracted tables that touch the covered pages, each matched to the one sharing most cells. */
export function scoreTables(sample: RealworldSample, tables: readonly Table[]): TableScore {
  const key = comparable(sample);
  const covered = (pages: readonly number[]): boolean => sample.facts.tablePages === null || pages.some((p) => sample.facts.tablePages!.includes(p));
  const candidates = tables.filter((t) => covered(t.pages));
  const s: TableScore = { expected: sample.tables.length, found: candidates.length, exact: 0, cellsRight: 0, cells: 0, diffs: [] };
  const used = new Set<Table>();
  for (const want of sample.tables) {
    // the extracted table sharing most cells; ties go to the same title, then the closest column count; each used once
    const rank = (t: Table): number[] => [cellsRight(want, t, key), key(t.title ?? '') === key(want.title ?? '') ? 1 : 0, -Math.abs(t.columns - want.header.length)];
    let best: Table | undefined;
    let bestRank: number[] = [];
    for (const t of candidates.filter((t) => !used.has(t) && t.pages.some((p) => want.pages.includes(p)))) {
      const r = rank(t);
      if (!best || ranksAbove(r, bestRank)) [best, bestRank] = [t, r];
    }
    if (best) used.add(best);
    s.cells += cellCount(want);
    s.cellsRight += best ? bestRank[0]! : 0;
    const diff = tableDiff(want, best, key);
    if (diff === '') s.exact++;
    s.diffs.push(diff);
  }
  return s;
}

export interface TextScore {
  facts: number;
  /** facts found exactly */
  exact: number;
  /** 1 − (summed edit distance of each fact to its best place in text.txt) / (summed fact length) */
  accuracy: number;
  /** facts not found exactly, with the distance */
  missed: string[];
  /** absentText entries that are present (repeated fake-bold text) */
  repeated: string[];
}

export function scoreText(sample: RealworldSample, text: string): TextScore {
  const compact = comparable(sample);
  const hay = compact(text);
  let dist = 0;
  let len = 0;
  const missed: string[] = [];
  for (const fact of sample.facts.textFacts) {
    const f = compact(fact);
    const d = substringDistance(f, hay);
    dist += d;
    len += Array.from(f).length;
    if (d > 0) missed.push(`${fact} (${d})`);
  }
  const repeated = sample.facts.absentText.filter((a) => hay.includes(compact(a)));
  const facts = sample.facts.textFacts.length;
  return { facts, exact: facts - missed.length, accuracy: len === 0 ? 1 : 1 - dist / len, missed, repeated };
}

/** Error-level findings the page does not justify (every error when noErrors). */
export function falseErrors(sample: RealworldSample, findings: readonly Finding[]): Finding[] {
  return sample.facts.noErrors ? findings.filter((f) => f.severity === 'error') : [];
}

/** Pages whose read method differs from the expected one: '3: text ≠ ocr'. */
export function methodMisses(sample: RealworldSample, ex: Extraction): string[] {
  const out: string[] = [];
  for (const [page, want] of Object.entries(sample.facts.methods)) {
    const got = ex.document.pages.find((p) => p.page === Number(page))?.method ?? 'missing';
    if (!want.split('|').includes(got)) out.push(`${page}: ${got} ≠ ${want}`);
  }
  return out;
}

export interface FileScore {
  name: string;
  pages: number;
  /** read method per page, one letter each: t(ext) o(cr) b(oth) */
  methods: string;
  status: string;
  tables: TableScore;
  text: TextScore;
  falseErrors: { rule: string; message: string }[];
  /** warning-level findings (the review queue: every one a reviewer must look at) */
  warnings: number;
  methodMisses: string[];
  /** criteria met, as the CI test judges them */
  passes: Record<Criterion, boolean>;
  ms: number;
}

/** Scores one extraction and its findings. */
export function scoreFile(sample: RealworldSample, ex: Extraction, findings: readonly Finding[], ms: number): FileScore {
  const tables = scoreTables(sample, ex.tables);
  const text = scoreText(sample, ex.text);
  const errors = falseErrors(sample, findings).map((f) => ({ rule: f.rule, message: f.message }));
  const misses = methodMisses(sample, ex);
  return {
    name: sample.name,
    pages: ex.document.pages.length,
    methods: ex.document.pages.map((p) => p.method[0]).join(''),
    status: ex.document.status,
    tables,
    text,
    falseErrors: errors,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    methodMisses: misses,
    passes: {
      // as many tables as expected on the covered pages (none invented, none lost, continuations merged);
      // a born-digital file's also exact, a scan's cells measured only
      tables: tables.found === tables.expected && (!sample.facts.bornDigital || tables.exact === tables.expected),
      text: text.exact === text.facts,
      repeated: text.repeated.length === 0,
      errors: errors.length === 0,
      methods: misses.length === 0,
      warnings: sample.facts.maxWarnings === undefined || findings.filter((f) => f.severity === 'warning').length <= sample.facts.maxWarnings,
    },
    ms,
  };
}
