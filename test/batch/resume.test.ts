/**
 * kill -9 in the middle of a batch, then a re-run: it picks up where the killed run stopped and
 * every output file is byte-identical to an uninterrupted run; a third run does no work.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGoodInputs } from './corpus.ts';
import { gongwen, readTree, startGongwen, summaryOf, type RunResult } from './cli.ts';

const SAMPLES = ['lo-ruled', 'unruled', 'planted-total', 'planted-year'];

function manifestLines(out: string): number {
  try {
    return readFileSync(join(out, '_batch', 'manifest.jsonl'), 'utf8').split('\n').filter((l) => l.endsWith('}')).length;
  } catch {
    return 0;
  }
}

/** The document folders under `out` (those holding document.json). */
function documentFolders(out: string, rel = ''): string[] {
  const here = join(out, rel);
  if (existsSync(join(here, 'document.json'))) return [rel];
  return readdirSync(here, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => documentFolders(out, rel === '' ? e.name : `${rel}/${e.name}`));
}

describe('kill -9 and resume', () => {
  let work = '';
  let inDir = '';
  let full = '';
  let cut = '';
  let finishedAtKill = 0;
  let resumed: RunResult;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gongwen-resume-'));
    inDir = join(work, 'in');
    full = join(work, 'full');
    cut = join(work, 'cut');
    writeGoodInputs(inDir, 2, SAMPLES); // 8 small PDFs, the same names in two folders
    const child = startGongwen(['extract', inDir, '--out', cut, '--jobs', '2', '--progress', 'none']);
    const exited = new Promise((res) => child.once('exit', res));
    for (let i = 0; i < 600 && manifestLines(cut) < 2; i++) await new Promise((r) => setTimeout(r, 25));
    finishedAtKill = manifestLines(cut);
    process.kill(-child.pid!, 'SIGKILL'); // the whole process group: the CLI and its workers
    await exited;
    resumed = gongwen(['extract', inDir, '--out', cut, '--jobs', '2', '--progress', 'plain']);
    gongwen(['extract', inDir, '--out', full, '--jobs', '2', '--progress', 'none']);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('was killed part-way, and the re-run did only what was left', () => {
    expect(finishedAtKill).toBeGreaterThanOrEqual(2);
    expect(finishedAtKill).toBeLessThan(8);
    expect(resumed.code).toBe(0);
    const s = summaryOf(resumed.stderr);
    expect(s.skipped).toBeGreaterThanOrEqual(finishedAtKill - 1); // a line cut short by the kill is redone
    expect(s.skipped).toBeLessThan(8);
    expect(s.ok + s.skipped).toBe(8);
  });

  it('gives every output file byte-identical to an uninterrupted run (no temp or partial folder left)', () => {
    const a = readTree(full);
    const b = readTree(cut);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [file, bytes] of a) expect(b.get(file)!.equals(bytes), file).toBe(true);
    expect(documentFolders(cut)).toHaveLength(8);
    expect([...b.keys()].some((k) => k.includes('.tmp-'))).toBe(false);
  });

  it('a third run does no work', () => {
    const r = gongwen(['extract', inDir, '--out', cut, '--progress', 'none']);
    expect(summaryOf(r.stderr)).toEqual({ files: 8, ok: 0, partial: 0, failed: 0, skipped: 8 });
    expect(readTree(cut).size).toBe(readTree(full).size);
  });
});
