/**
 * Workers are recycled (--recycle-after N[,MMiB]): replaced after N documents or when resident
 * above M MiB after one, so memory stays flat over long runs; nothing is lost meanwhile.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecycle } from '../../src/batch/settings.ts';
import { samplePdf } from '../helpers/samples.ts';
import { gongwen } from './cli.ts';

describe('--recycle-after', () => {
  it('parses documents, MiB or both; defaults from --max-memory; 0 turns it off', () => {
    expect(parseRecycle(undefined, 2048)).toEqual({ docs: 500, mib: 1536 });
    expect(parseRecycle('20', 2048)).toEqual({ docs: 20, mib: 0 });
    expect(parseRecycle('900MiB', 2048)).toEqual({ docs: 0, mib: 900 });
    expect(parseRecycle('20, 900mib', 2048)).toEqual({ docs: 20, mib: 900 });
    expect(parseRecycle('0', 2048)).toEqual({ docs: 0, mib: 0 });
    expect(parseRecycle('many', 2048)).toBeNull();
  });

  const dir = mkdtempSync(join(tmpdir(), 'gongwen-recycle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces a worker every N documents; every file is done once, each file event tells the worker\'s memory', () => {
    const input = join(dir, 'in');
    mkdirSync(input);
    for (let i = 0; i < 12; i++) cpSync(samplePdf(i % 2 ? 'unruled' : 'lo-ruled'), join(input, `f${String(i).padStart(2, '0')}.pdf`));
    const r = gongwen(['extract', input, '--out', join(dir, 'o'), '--jobs', '1', '--recycle-after', '5', '--progress', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; status?: string; workerRssMiB?: number; recycledWorkers?: number; ok?: number });
    const files = events.filter((e) => e.event === 'file');
    expect(files).toHaveLength(12);
    expect(files.every((f) => f.status === 'ok' && typeof f.workerRssMiB === 'number' && f.workerRssMiB > 0)).toBe(true);
    const done = events.find((e) => e.event === 'done')!;
    expect(done.recycledWorkers).toBe(2); // after the 5th and the 10th document
    expect(done.ok).toBe(12);
    const manifest = readFileSync(join(dir, 'o', '_batch', 'manifest.jsonl'), 'utf8').trim().split('\n');
    expect(manifest).toHaveLength(12);
  });

  it('rejects a malformed value as a usage error', () => {
    const r = gongwen(['extract', samplePdf('unruled'), '--out', join(dir, 'x'), '--recycle-after', 'often']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/--recycle-after expects/);
  });
});
