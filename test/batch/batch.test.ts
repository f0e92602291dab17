/**
 * A folder of 50 PDFs (small samples copied 8 times in sub-folders with the same file names, and
 * every kind of bad input) through `gongwen extract --jobs 2 --progress json`: the right status
 * and reason for each file, exit 0 with the failures recorded, JSON events on stdout, the batch
 * outputs in _batch/, and a second run that does no work and changes nothing.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBadInputs, writeGoodInputs, SMALL_SAMPLES, type CorpusFile } from './corpus.ts';
import { gongwen, mtimes, readTree, summaryOf, type RunResult } from './cli.ts';

const COPIES = 8;

describe('a 50-file batch with every kind of bad input', () => {
  let work = '';
  let inDir = '';
  let out = '';
  let bad: CorpusFile[] = [];
  let first: RunResult;
  let second: RunResult;
  let events: Record<string, unknown>[] = [];
  let batchAfterFirst = new Map<string, Buffer>();
  let timesAfterFirst = new Map<string, number>();

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'gongwen-batch-'));
    inDir = join(work, 'in');
    out = join(work, 'out');
    writeGoodInputs(join(inDir, 'good'), COPIES);
    bad = writeBadInputs(join(inDir, 'bad'));
    first = gongwen(['extract', inDir, '--out', out, '--jobs', '2', '--progress', 'json']);
    events = first.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    batchAfterFirst = readTree(join(out, '_batch'));
    timesAfterFirst = mtimes(out);
    second = gongwen(['extract', inDir, '--out', out, '--jobs', '2', '--progress', 'json']);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const fileEvents = () => events.filter((e) => e.event === 'file') as { status: string; path: string; error?: string; document: string }[];

  it('runs to a summary with the right counts and exits 0 with the failures recorded', () => {
    expect(first.code).toBe(0);
    const total = SMALL_SAMPLES.length * COPIES + bad.length;
    expect(total).toBeGreaterThanOrEqual(50);
    const failed = bad.filter((b) => b.status === 'failed').length;
    const fe = fileEvents();
    const badFailed = fe.filter((e) => e.path.includes('/bad/') && e.status === 'failed').length;
    expect(badFailed).toBeGreaterThanOrEqual(failed);
    // partial: a recovered bad file whose pages hold no text (e.g. the lying /Count) is reported as such
    const badPartial = fe.filter((e) => e.path.includes('/bad/') && e.status === 'partial').length;
    expect(summaryOf(first.stderr)).toEqual({
      files: total,
      ok: total - badFailed - badPartial,
      partial: badPartial,
      failed: badFailed,
      skipped: 0,
    });
    expect(fe.filter((e) => e.path.includes('/good/')).every((e) => e.status === 'ok')).toBe(true);
  });

  it('gives every bad input its status and one-line reason, on stderr as `gongwen: <file>: <reason>`', () => {
    const fe = fileEvents();
    for (const b of bad) {
      const e = fe.find((x) => x.path === join(inDir, 'bad', b.name));
      expect(e, b.name).toBeDefined();
      expect(b.status.split('|'), b.name).toContain(e!.status);
      if (b.reason) expect(e!.error, b.name).toMatch(b.reason);
      if (e!.status === 'failed') {
        expect(first.stderr).toContain(`gongwen: ${e!.path}: ${e!.error}\n`);
        expect(existsSync(join(out, 'bad', e!.document)), b.name).toBe(false);
      }
    }
    expect(first.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints JSON-lines events on stdout: start, one per file, done', () => {
    expect(events[0]).toMatchObject({ event: 'start', files: 50, jobs: 2 });
    expect(fileEvents()).toHaveLength(50);
    const done = events.at(-1)!;
    expect(done).toMatchObject({ event: 'done', files: 50, skipped: 0 });
    expect(done.peakWorkerRssMiB).toBeGreaterThan(0);
  });

  it('keeps the folder structure: the same file name in eight folders gives eight folders', () => {
    for (let c = 1; c <= COPIES; c++) expect(existsSync(join(out, 'good', `copy-${c}`, 'lo-ruled', 'document.json'))).toBe(true);
  });

  it('writes the batch outputs: manifest.csv sorted by path, records and findings of every document once, keyed by its id', () => {
    const manifest = readFileSync(join(out, '_batch', 'manifest.csv'), 'utf8').trim().split('\n');
    expect(manifest[0]).toBe('file,document,sha256,folder,status,pages,method,error');
    const files = manifest.slice(1).map((l) => l.split(',')[0]!);
    expect(files).toHaveLength(50);
    expect(files).toEqual([...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(manifest.find((l) => l.includes('/good/copy-3/unruled.pdf'))).toMatch(
      /^[^,]+,([0-9a-f]{16}),\1[0-9a-f]{48},good\/copy-3\/unruled,ok,1,text,$/,
    );

    // byte-identical copies are one document: its records and findings are in _batch once
    const oks = fileEvents().filter((e) => e.status === 'ok');
    let budget = 0;
    let findings = 0;
    const seen = new Set<string>();
    for (const e of oks.sort((a, b) => (a.path < b.path ? -1 : 1))) {
      const dir = join(out, ...e.document.split('/'));
      const sha = (JSON.parse(readFileSync(join(dir, 'document.json'), 'utf8')) as { source: { sha256: string } }).source.sha256;
      if (seen.has(sha)) continue;
      seen.add(sha);
      const recs = JSON.parse(readFileSync(join(dir, 'records.json'), 'utf8')).records as { kind: string }[];
      budget += recs.filter((r) => r.kind === 'budget-line').length;
      findings += (JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as unknown[]).length;
    }
    const csv = readFileSync(join(out, '_batch', 'records-budget-line.csv'), 'utf8').trim().split('\n');
    expect(csv[0]!.startsWith('document,sha256,folder,table,row,page,x0,top,x1,bottom,level,budgetUnit,project,amount')).toBe(true);
    expect(csv).toHaveLength(1 + budget);
    const jsonl = readFileSync(join(out, '_batch', 'records-budget-line.jsonl'), 'utf8').trim().split('\n');
    expect(jsonl).toHaveLength(budget);
    expect(JSON.parse(jsonl[0]!)).toMatchObject({ document: expect.stringMatching(/^[0-9a-f]{16}$/), folder: 'good/copy-1/planted-text-sum', kind: 'budget-line', table: 't1', row: 0 });
    expect(new Set(jsonl.map((l) => (JSON.parse(l) as { folder: string }).folder.split('/')[1]))).toEqual(new Set(['copy-1']));
    const fj = readFileSync(join(out, '_batch', 'findings.jsonl'), 'utf8').trim().split('\n');
    expect(fj).toHaveLength(findings);
    expect(findings).toBeGreaterThan(0);
    const fc = readFileSync(join(out, '_batch', 'findings.csv'), 'utf8').trim().split('\n');
    expect(fc[0]).toBe('document,sha256,folder,rule,severity,message,expected,actual,page,x0,top,x1,bottom,evidence,evidenceCount,key,reviewState,reviewNote');
    // every finding's key is in the CSV, ending its row (no review.json here: review columns empty)
    const csvText = readFileSync(join(out, '_batch', 'findings.csv'), 'utf8');
    for (const line of fj) expect(csvText).toContain(`,${(JSON.parse(line) as { key: string }).key},,\n`);
  });

  it('a second run does no work: finished files skipped, no worker started, nothing rewritten', () => {
    expect(second.code).toBe(0);
    const s = summaryOf(second.stderr);
    // a file that cannot be read has no content to recognise: it is reported again, without work
    expect(s).toEqual({ files: 50, ok: 0, partial: 0, failed: 1, skipped: 49 });
    expect(second.stderr).toContain(`gongwen: ${join(inDir, 'bad', 'gone.pdf')}: file not found`);
    const done = JSON.parse(second.stdout.trim().split('\n').at(-1)!);
    expect(done).toMatchObject({ event: 'done', pages: 0, peakWorkerRssMiB: 0 });
    expect(readTree(join(out, '_batch'))).toEqual(batchAfterFirst);
    const times = mtimes(out);
    for (const [file, t] of timesAfterFirst) if (!file.startsWith('_batch/')) expect(times.get(file), file).toBe(t);
  });
});
