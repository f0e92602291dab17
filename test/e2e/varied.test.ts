/**
 * Every committed sample with an expected/tables.json (other producers: LibreOffice, pdf-lib with
 * stroked borders, an unruled table, landscape and rotated pages, a table over 5+ pages): the
 * extracted tables equal the hand-checked ones, and text.txt keeps its promises.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { SAMPLES, expected, extractSample, hasExpected, needsOcr, type ExpectedDocument, type ExpectedTable } from '../helpers/samples.ts';

const names = readdirSync(SAMPLES, { withFileTypes: true })
  // samples with scanned pages are read through OCR (issue #4): their tests come with that path
  .filter((d) => d.isDirectory() && hasExpected(d.name, 'tables.json') && !d.name.startsWith('seed') && !needsOcr(d.name))
  .map((d) => d.name);

describe.each(names)('sample %s', (name) => {
  it('gives the expected tables (header once, body rows, kinds, title, unit, issuer)', async () => {
    const ex = await extractSample(name);
    const want = expected<ExpectedTable[]>(name, 'tables.json');
    expect(ex.tables.length).toBe(want.length);
    want.forEach((w, i) => {
      const t = ex.tables[i]!;
      expect({ i, header: t.header, title: t.title, unit: t.unit }).toEqual({ i, header: w.header, title: w.title, unit: w.unit });
      expect(t.rows).toEqual(w.rows);
      expect(t.rowKinds).toEqual(w.rowKinds);
      if (w.pages) expect(t.pages).toEqual(w.pages);
      if (w.issuer !== undefined) expect({ i, issuer: t.issuer ?? null }).toEqual({ i, issuer: w.issuer });
    });
  });

  it('finds the expected 公文', async () => {
    if (!hasExpected(name, 'documents.json')) return;
    const docs = (await extractSample(name)).document.documents;
    const want = expected<ExpectedDocument[]>(name, 'documents.json');
    expect(
      docs.map((d) => ({ docNumber: d.docNumber?.normalized ?? null, title: d.title, pageFrom: d.pageFrom, pageTo: d.pageTo })),
    ).toEqual(want.map((d) => ({ docNumber: d.docNumber, title: d.title, pageFrom: d.pageFrom, pageTo: d.pageTo })));
  });

  it('text.txt has no page-number footer and no space between two Chinese characters', async () => {
    const { text } = await extractSample(name);
    expect(text).not.toMatch(/^\s*(?:[—–-]\s*\d+\s*[—–-]|第\s*\d+\s*页.*)\s*$/m);
    expect(text).not.toMatch(/[\u4e00-\u9fff][ \t\u3000]+[\u4e00-\u9fff]/);
  });
});
