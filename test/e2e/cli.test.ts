/**
 * The `gongwen extract` command end to end: outputs on disk per the contract, and bad input
 * (empty, not a PDF, truncated, encrypted) as one-line errors with no output folder.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, samplePdf } from '../helpers/samples.ts';

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
    execFileSync('mkdir', ['-p', inDir]);
    const seed = readFileSync(samplePdf('seed'));
    copyFileSync(samplePdf('seed'), join(inDir, 'good.pdf'));
    writeFileSync(join(inDir, 'empty.pdf'), '');
    writeFileSync(join(inDir, 'notpdf.pdf'), 'this is a text file, not a PDF\n');
    writeFileSync(join(inDir, 'truncated.pdf'), seed.subarray(0, 2000));
    execFileSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', samplePdf('seed'), join(inDir, 'locked.pdf')]);
    result = run(['extract', inDir, '--out', out]);
  });

  it('exits non-zero when a file failed, with one line per bad file naming it and the reason', () => {
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    const errs = lines.filter((l) => l.startsWith('gongwen: '));
    expect(errs).toHaveLength(4);
    expect(errs.find((l) => l.includes('empty.pdf'))).toMatch(/empty\.pdf: empty file$/);
    expect(errs.find((l) => l.includes('notpdf.pdf'))).toMatch(/notpdf\.pdf: not a PDF/);
    expect(errs.find((l) => l.includes('truncated.pdf'))).toMatch(/truncated\.pdf: .*(damaged|truncated)/);
    expect(errs.find((l) => l.includes('locked.pdf'))).toMatch(/locked\.pdf: encrypted: a password is required$/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('writes no output folder for a bad file, and the whole contract for the good one', () => {
    expect(readdirSync(out).sort()).toEqual(['good']);
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
    const wrong = run(['extract', join(work, 'in', 'locked.pdf'), '--out', join(work, 'out3'), '--password', 'nope']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toMatch(/locked\.pdf: encrypted: wrong password$/);
  });

  it('rejects usage errors with exit 2', () => {
    expect(run(['extract', samplePdf('seed')]).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
  });
});
