/**
 * Extracting and scoring the real-world samples (the CLI is score.ts, the CI test test/e2e/realworld.test.ts).
 */
import { readFileSync } from 'node:fs';
import { extractPdf, type ExtractOptions } from '../../src/pipeline/extract.ts';
import { review } from '../../src/pipeline/review.ts';
import { CRITERIA, type RealworldSample } from './expected.ts';
import { scoreFile, type FileScore } from './measure.ts';

/** Extracts (with `options`, the defaults of `gongwen extract` when none) and scores one sample. */
export async function scoreSample(sample: RealworldSample, options: ExtractOptions = {}): Promise<FileScore> {
  const t0 = performance.now();
  const ex = await extractPdf({ path: sample.pdf, data: new Uint8Array(readFileSync(sample.pdf)) }, options);
  const { findings } = review(ex);
  return scoreFile(sample, ex, findings, Math.round(performance.now() - t0));
}

const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

/** The per-file table (markdown). */
export function formatScores(rows: readonly { sample: RealworldSample; score: FileScore }[]): string {
  const out = [
    '| file | pages | method | tables exact/exp (found) | cells | text facts | text chars | repeated | false errors | warnings | failing (known) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { sample, score: s } of rows) {
    const failing = CRITERIA.filter((c) => !s.passes[c]).map((c) => (sample.facts.knownFailing.includes(c) ? c : `${c}!`));
    const fixed = sample.facts.knownFailing.filter((c) => s.passes[c]).map((c) => `${c} fixed`);
    out.push(
      `| ${s.name} | ${s.pages} | ${s.methods} | ${s.tables.expected === 0 && s.tables.found === 0 ? '—' : `${s.tables.exact}/${s.tables.expected} (${s.tables.found})`} ` +
        `| ${pct(s.tables.cellsRight, s.tables.cells)} | ${s.text.exact}/${s.text.facts} | ${(100 * s.text.accuracy).toFixed(1)}% ` +
        `| ${s.text.repeated.length > 0 ? 'yes' : 'no'} | ${s.falseErrors.length} | ${s.warnings} | ${[...failing, ...fixed].join(', ') || '—'} |`,
    );
  }
  const all = rows.map((r) => r.score);
  const sum = (f: (s: FileScore) => number): number => all.reduce((a, s) => a + f(s), 0);
  out.push(
    `| **all ${all.length}** | ${sum((s) => s.pages)} | | ${sum((s) => s.tables.exact)}/${sum((s) => s.tables.expected)} (${sum((s) => s.tables.found)}) ` +
      `| ${pct(sum((s) => s.tables.cellsRight), sum((s) => s.tables.cells))} | ${sum((s) => s.text.exact)}/${sum((s) => s.text.facts)} | ` +
      `| ${all.filter((s) => s.text.repeated.length > 0).length} files | ${sum((s) => s.falseErrors.length)} | ${sum((s) => s.warnings)} | ${all.filter((s) => CRITERIA.every((c) => s.passes[c])).length} files pass all |`,
  );
  return out.join('\n');
}

/** Details of what differs, per file. */
export function formatDetails(rows: readonly { score: FileScore }[]): string {
  const out: string[] = [];
  for (const { score: s } of rows) {
    const lines = [
      ...s.tables.diffs.map((d, i) => (d ? `table ${i + 1}: ${d}` : '')).filter(Boolean),
      ...s.text.missed.map((m) => `text: ${m}`),
      ...s.text.repeated.map((r) => `repeated: ${r}`),
      ...s.falseErrors.map((f) => `false ${f.rule}: ${f.message}`),
      ...s.methodMisses.map((m) => `method page ${m}`),
    ];
    if (lines.length > 0) out.push(`${s.name} (${s.ms} ms)\n${lines.map((l) => `  ${l.length > 220 ? l.slice(0, 220) + '…' : l}`).join('\n')}`);
  }
  return out.join('\n');
}
