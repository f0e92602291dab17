/**
 * Output folders that cannot collide: re-running into a used output folder never places a
 * document's folder inside another's (nor around others), and `_batch/` and `gongwen check`
 * count exactly the documents of the folder's manifest, each once — a stale folder left from an
 * earlier run without a manifest entry is never counted.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../helpers/samples.ts';
import { gongwen, readTree } from './cli.ts';

/** Output folders (ids) under `out`: folders holding document.json. */
function documentIds(out: string): string[] {
  return [...readTree(out).keys()].filter((k) => k.endsWith('/document.json') && !k.startsWith('_batch/')).map((k) => k.slice(0, -'/document.json'.length)).sort();
}

/** Data rows of a CSV (header left out; cells may hold quoted newlines, so counted by records). */
function recordCount(out: string, ids: readonly string[]): number {
  return ids.reduce((n, id) => n + (JSON.parse(readFileSync(join(out, id, 'records.json'), 'utf8')) as { records: unknown[] }).records.length, 0);
}

function jsonlLines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
}

describe('re-running into a used output folder', () => {
  let dir = '';
  let input = '';
  let out = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongwen-collide-'));
    input = join(dir, 'a');
    out = join(dir, 'o');
    mkdirSync(join(input, 'x'), { recursive: true });
    cpSync(samplePdf('lo-ruled'), join(input, 'x.pdf'));
    cpSync(samplePdf('unruled'), join(input, 'x', 'y.pdf'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a file, then its folder: no output folder inside another, every document once', () => {
    expect(gongwen(['extract', join(input, 'x.pdf'), '--out', out, '--progress', 'none']).code).toBe(0);
    expect(documentIds(out)).toEqual(['x']);
    expect(gongwen(['extract', input, '--out', out, '--progress', 'none']).code).toBe(0);
    const ids = documentIds(out);
    expect(ids).toEqual(['x', 'x-2/y']);
    for (const a of ids) for (const b of ids) if (a !== b) expect(b.startsWith(a + '/')).toBe(false);
    expect(jsonlLines(join(out, '_batch', 'manifest.jsonl')).map((l) => (JSON.parse(l) as { document: string }).document).sort()).toEqual(ids);
    const records = recordCount(out, ids);
    expect(jsonlLines(join(out, '_batch', 'records-generic.jsonl'))).toHaveLength(records);
  });

  it('a stale folder not in the manifest is not counted; check rebuilds each record once', () => {
    // an output folder left by some earlier run, unknown to the manifest
    cpSync(join(out, 'x'), join(out, 'stale'), { recursive: true });
    writeFileSync(join(out, 'stale', 'note.txt'), 'left over');
    const ids = ['x', 'x-2/y'];
    const records = recordCount(out, ids);
    const chk = gongwen(['check', out]);
    expect(chk.code, chk.stderr).toBe(0);
    expect(chk.stderr).not.toContain('stale');
    expect(jsonlLines(join(out, '_batch', 'records-generic.jsonl'))).toHaveLength(records);
    expect(jsonlLines(join(out, '_batch', 'manifest.jsonl'))).toHaveLength(2);
    // a third run with the same inputs does no work and changes nothing in _batch
    const before = readFileSync(join(out, '_batch', 'records-generic.jsonl'), 'utf8');
    const again = gongwen(['extract', input, '--out', out, '--progress', 'none']);
    expect(again.stderr).toMatch(/2 skipped/);
    expect(readFileSync(join(out, '_batch', 'records-generic.jsonl'), 'utf8')).toBe(before);
  });

  it('the report index lists the manifest\'s documents only', () => {
    expect(gongwen(['report', out]).code).toBe(0);
    const index = readFileSync(join(out, '_batch', 'report.html'), 'utf8');
    expect(index).toContain('x-2/y');
    expect(index).not.toContain('>stale<');
    expect(index).toMatch(/gongwen batch: 2 documents/);
  });
});
