/** Output folder names of a batch: folder structure kept, unique, never outside --out. */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { collectInputs, outputDir, safeSegment } from '../../src/batch/inputs.ts';

describe('collectInputs', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'gongwen-inputs-'));
    const files = [
      'a/2021/通知.pdf',
      'a/2022/通知.pdf',
      'a/x.pdf',
      'a/x.PDF',
      'a/x/y.pdf',
      'a/_batch.pdf',
      'a/..pdf',
      'a/.hidden.pdf',
      'a/bad\u0001name\u001f.pdf',
      'a/what?<>.pdf',
      'a/notes.txt',
      'b/通知.pdf',
      'b/2021/通知.pdf',
    ];
    for (const f of files) {
      mkdirSync(join(root, f, '..'), { recursive: true });
      writeFileSync(join(root, f), 'x');
    }
    mkdirSync(join(root, 'a', 'folder.pdf'));
    writeFileSync(join(root, 'a', 'folder.pdf', 'inner.pdf'), 'x');
    symlinkSync(join(root, 'missing.pdf'), join(root, 'a', 'gone.pdf'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('keeps the folder structure, walks *.pdf in any case, lists dangling links, and never collides', async () => {
    const inputs = await collectInputs([join(root, 'a'), join(root, 'b')]);
    const byPath = Object.fromEntries(inputs.map((i) => [i.path.slice(root.length + 1), i.outName]));
    expect(byPath).toEqual({
      'a/..pdf': '_',
      'a/.hidden.pdf': '_hidden',
      'a/2021/通知.pdf': '2021/通知',
      'a/2022/通知.pdf': '2022/通知',
      'a/_batch.pdf': '_batch-2',
      'a/bad\u0001name\u001f.pdf': 'bad_name_',
      'a/folder.pdf/inner.pdf': 'folder.pdf/inner',
      'a/gone.pdf': 'gone',
      'a/what?<>.pdf': 'what___',
      'a/x.PDF': 'x-2', // 'x' is the folder a/x
      'a/x.pdf': 'x-3',
      'a/x/y.pdf': 'x/y',
      'b/2021/通知.pdf': '2021/通知-2', // same relative path in a second folder
      'b/通知.pdf': '通知',
    });
    const ids = inputs.map((i) => i.outName.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
    // no document folder is an ancestor of another
    for (const a of ids) for (const b of ids) if (a !== b) expect(b.startsWith(a + '/')).toBe(false);
  });

  it('gives a file named on the command line a flat folder, and the same inputs the same names', async () => {
    const one = await collectInputs([join(root, 'a', '2021', '通知.pdf'), join(root, 'b', '2021', '通知.pdf')]);
    expect(one.map((i) => i.outName)).toEqual(['通知', '通知-2']);
    const again = await collectInputs([join(root, 'a', '2021', '通知.pdf'), join(root, 'b', '2021', '通知.pdf')]);
    expect(again).toEqual(one);
    const dup = await collectInputs([join(root, 'b'), join(root, 'b', '通知.pdf')]);
    expect(dup).toHaveLength(2); // the file given twice is listed once
  });
});

describe('safeSegment and outputDir', () => {
  it('makes any name one plain folder name', () => {
    expect(safeSegment('..')).toBe('_');
    expect(safeSegment('.')).toBe('_');
    expect(safeSegment('')).toBe('_');
    expect(safeSegment('a/b\\c')).toBe('a_b_c');
    expect(safeSegment('name. . ')).toBe('name');
    expect(safeSegment('CON')).toBe('CON_');
    expect(safeSegment('tab\there\nnew')).toBe('tab_here_new');
    const long = safeSegment('长'.repeat(200));
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(180);
    expect(long).toBe('长'.repeat(60));
  });

  it('refuses an id that would leave --out', () => {
    const out = join(tmpdir(), 'gw-out');
    expect(outputDir(out, 'a/b')).toBe(resolve(out, 'a', 'b'));
    expect(outputDir(out, 'a/b').startsWith(resolve(out) + sep)).toBe(true);
    expect(() => outputDir(out, '../x')).toThrow(/escape/);
    expect(() => outputDir(out, 'a/../../x')).toThrow(/escape/);
    expect(() => outputDir(out, '/etc')).toThrow(/escape/);
    expect(() => outputDir(out, '')).toThrow(/escape/);
  });
});
