/**
 * The `gongwen extract` command end to end: outputs on disk per the contract, and bad input
 * (empty, not a PDF, truncated, encrypted) as one-line errors with no output folder; exit 1 for
 * failures only with --strict (batch behaviour in test/batch/).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encryptedPdf, ROOT, samplePdf } from '../helpers/samples.ts';

const BIN = join(ROOT, 'bin', 'gongwen.mjs');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gongwen extract', () => {
  let work: string;
  let out: string;
  let result: ReturnType<typeof run>;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'gongwen-cli-'));
    const inDir = join(work, 'in');
    out = join(work, 'out');
    mkdirSync(inDir, { recursive: true });
    const seed = readFileSync(samplePdf('seed'));
    copyFileSync(samplePdf('seed'), join(inDir, 'good.pdf'));
    writeFileSync(join(inDir, 'empty.pdf'), '');
    writeFileSync(join(inDir, 'notpdf.pdf'), 'this is a text file, not a PDF\n');
    writeFileSync(join(inDir, 'truncated.pdf'), seed.subarray(0, 2000));
    copyFileSync(encryptedPdf('lo-ruled-aes256'), join(inDir, 'locked.pdf'));
    result = run(['extract', inDir, '--out', out, '--strict']);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('exits non-zero with --strict when a file failed, with one line per bad file naming it and the reason', () => {
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    const errs = lines.filter((l) => l.startsWith('gongwen: '));
    expect(errs).toHaveLength(4);
    expect(errs.find((l) => l.includes('empty.pdf'))).toMatch(/empty\.pdf: empty file$/);
    expect(errs.find((l) => l.includes('notpdf.pdf'))).toMatch(/notpdf\.pdf: not a PDF/);
    expect(errs.find((l) => l.includes('truncated.pdf'))).toMatch(/truncated\.pdf: .*(damaged|truncated)/);
    expect(errs.find((l) => l.includes('locked.pdf'))).toMatch(/locked\.pdf: encrypted: a password is required$/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stderr).toMatch(/^summary: 5 files: 1 ok, 0 partial, 4 failed, 0 skipped;/m);
  });

  it('exits 0 without --strict, the failures recorded in the manifest (a re-run skips them all)', () => {
    const again = run(['extract', join(work, 'in'), '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^summary: 5 files: 0 ok, 0 partial, 0 failed, 5 skipped;/m);
    const manifest = readFileSync(join(out, '_batch', 'manifest.csv'), 'utf8').trim().split('\n');
    expect(manifest).toHaveLength(1 + 5);
    expect(manifest.find((l) => l.includes('empty.pdf'))).toMatch(/,[0-9a-f]{16},[0-9a-f]{64},empty,failed,0,,empty file$/);
  });

  it('writes no output folder for a bad file, and the whole contract for the good one', () => {
    expect(readdirSync(out).sort()).toEqual(['_batch', 'good']);
    const dir = join(out, 'good');
    for (const f of ['document.json', 'text.txt', 'tables.json', 'tables/t1.csv', 'tables/t2.csv', 'tables/t3.csv']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    const csv = readFileSync(join(dir, 'tables', 't1.csv'), 'utf8').trim().split('\n');
    expect(csv).toEqual(['级次,预算单位,项目名称,预算数', '合计,,,2368', '汉阳区,区直机关工委等预算单位,乡村振兴专项经费,618', '汉阳区,区政府办,结对帮扶资金,1750']);
    const village = readFileSync(join(dir, 'tables', 't2.csv'), 'utf8').trim().split('\n');
    expect(village).toHaveLength(1 + 293);
    const doc = JSON.parse(readFileSync(join(dir, 'document.json'), 'utf8'));
    expect(doc.status).toBe('ok');
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.tables.map((t: { rows: number }) => t.rows)).toEqual([3, 293, 9]);
  });

  it('opens an encrypted PDF with --password and writes BOM CSV with --bom', () => {
    const out2 = join(work, 'out2');
    const r = run(['extract', join(work, 'in', 'locked.pdf'), '--out', out2, '--password', 'secret', '--bom']);
    expect(r.code).toBe(0);
    const bytes = readFileSync(join(out2, 'locked', 'tables', 't1.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const wrong = run(['extract', join(work, 'in', 'locked.pdf'), '--out', join(work, 'out3'), '--password', 'nope', '--strict']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim().split('\n')[0]).toMatch(/locked\.pdf: encrypted: wrong password$/);
  });

  it('exits 1 without --strict for a bad file named on the command line, with one line and no folder', () => {
    const out4 = join(work, 'out4');
    for (const bad of ['empty.pdf', 'notpdf.pdf', 'truncated.pdf', 'locked.pdf']) {
      const r = run(['extract', join(work, 'in', bad), '--out', out4, '--progress', 'plain']);
      expect(r.code, bad).toBe(1);
      const errs = r.stderr.split('\n').filter((l) => l.startsWith('gongwen: '));
      expect(errs, bad).toHaveLength(1);
      expect(errs[0]).toContain(bad);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(out4, bad.replace(/\.pdf$/, ''))), bad).toBe(false);
    }
  });

  it('rejects usage errors with exit 2', () => {
    expect(run(['extract', samplePdf('seed')]).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
  });
});
