/**
 * A full disk and a read-only output folder (real file systems: small tmpfs mounts, which need
 * root; without it the test says so and is skipped): one clear line naming the file and the
 * reason, no half-written folder, the manifest consistent, the other documents complete.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../helpers/samples.ts';
import { gongwen } from './cli.ts';

const DOC_FILES = ['check-summary.json', 'datapackage.json', 'document.json', 'findings.json', 'paragraphs.json', 'records', 'records.json', 'tables', 'tables.json', 'text.txt'];

function mount(dir: string, opts: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const base = mkdtempSync(join(tmpdir(), 'gongwen-disk-'));
const probe = join(base, 'probe');
mkdirSync(probe);
const CAN_MOUNT = mount(probe, 'size=64k');
if (CAN_MOUNT) execFileSync('umount', [probe]);
else console.warn('disk-full tests SKIPPED: mounting a small tmpfs needs root (mount -t tmpfs)');

describe.skipIf(!CAN_MOUNT)('output disk full or read-only', () => {
  const input = join(base, 'in');
  const full = join(base, 'full');
  const ro = join(base, 'ro');
  beforeAll(() => {
    mkdirSync(input);
    for (const s of ['seed', 'lo-ruled', 'unruled', 'planted-total']) cpSync(samplePdf(s), join(input, `${s}.pdf`));
    mkdirSync(full);
    mkdirSync(ro);
  });
  afterAll(() => {
    for (const d of [full, ro]) {
      try {
        execFileSync('umount', [d], { stdio: 'ignore' });
      } catch {
        /* not mounted */
      }
    }
    rmSync(base, { recursive: true, force: true });
  });

  it('a disk that fills up: the document that does not fit fails in one line, the others are whole', () => {
    // room for the three small documents' outputs, not for the 34-page seed's
    expect(mount(full, 'size=600k')).toBe(true);
    const out = join(full, 'o');
    const r = gongwen(['extract', input, '--out', out, '--jobs', '1', '--progress', 'none']);
    expect(r.code).toBe(0); // files found in a folder: failures recorded, the batch went on
    const failLines = r.stderr.split('\n').filter((l) => l.startsWith('gongwen: '));
    expect(failLines).toEqual([`gongwen: ${join(input, 'seed.pdf')}: no space left on the output disk (ENOSPC)`]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // no half-written folder: the seed has none, no temp folder is left, the others are complete
    const entries = readdirSync(out).sort();
    expect(entries).toEqual(['_batch', 'lo-ruled', 'planted-total', 'unruled']);
    for (const d of ['lo-ruled', 'planted-total', 'unruled']) expect(readdirSync(join(out, d)).sort()).toEqual(DOC_FILES);
    // the manifest is consistent: one parseable line per input, the seed failed with the reason
    const lines = readFileSync(join(out, '_batch', 'manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { document: string; status: string; error: string });
    expect(lines.map((l) => l.document)).toEqual(['lo-ruled', 'planted-total', 'seed', 'unruled']);
    expect(lines.find((l) => l.document === 'seed')).toMatchObject({ status: 'failed', error: 'no space left on the output disk (ENOSPC)' });
    expect(lines.filter((l) => l.document !== 'seed').every((l) => l.status === 'ok')).toBe(true);
  });

  it('a read-only output folder: refused before any work, in one line, exit 1', () => {
    expect(mount(ro, 'size=64k')).toBe(true);
    mkdirSync(join(ro, 'o'));
    execFileSync('mount', ['-o', 'remount,ro', ro]);
    const r = gongwen(['extract', join(input, 'lo-ruled.pdf'), '--out', join(ro, 'o'), '--progress', 'none']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`gongwen: ${join(ro, 'o')}: output folder is not writable: the output folder is on a read-only file system (EROFS)`);
    expect(existsSync(join(ro, 'o', '_batch'))).toBe(false);
  });
});
