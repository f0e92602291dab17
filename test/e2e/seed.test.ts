/**
 * The seed notice, printed born-digital (TrueType, samples/seed) and with Type 3 fonts carrying
 * Kangxi radicals (samples/seed-type3): PDF in, the facts of issue #2 out.
 */
import { describe, expect, it } from 'vitest';
import { expected, extractSample, type ExpectedDocument, type ExpectedTable } from '../helpers/samples.ts';

const HAN_SPACE_HAN = /[\u4e00-\u9fff][ \t\u3000]+[\u4e00-\u9fff]/;
const FOOTER_LINE = /^\s*(?:[—–-]\s*\d+\s*[—–-]|第\s*\d+\s*页.*)\s*$/m;
const RADICALS = /[\u2e80-\u2fdf]/u;

for (const name of ['seed', 'seed-type3']) {
  describe(`sample ${name}`, () => {
    const want = expected<ExpectedTable[]>('seed', 'tables.json');

    it('finds exactly the 3 tables', async () => {
      const ex = await extractSample(name);
      expect(ex.tables.map((t) => t.header)).toEqual(want.map((t) => t.header));
    });

    it('budget table: header and the three body rows exactly', async () => {
      const t = (await extractSample(name)).tables[0]!;
      expect(t.header).toEqual(['级次', '预算单位', '项目名称', '预算数']);
      expect(t.rows).toEqual([
        ['合计', '', '', '2368'],
        ['汉阳区', '区直机关工委等预算单位', '乡村振兴专项经费', '618'],
        ['汉阳区', '区政府办', '结对帮扶资金', '1750'],
      ]);
      expect(t.unit).toContain('万元');
      expect(Number(t.rows[1]![3]) + Number(t.rows[2]![3])).toBe(Number(t.rows[0]![3]));
    });

    it('village table: one table, 293 rows = 271 numbered rows in order + 22 sections, every cell as in the seed', async () => {
      const t = (await extractSample(name)).tables[1]!;
      expect(t.header).toEqual(['序号', '派出单位', '派驻村']);
      expect(t.rows).toHaveLength(293);
      expect(t.rowKinds.filter((k) => k === 'section')).toHaveLength(22);
      const seqs = t.rows.filter((_, i) => t.rowKinds[i] === 'body').map((r) => Number(r[0]));
      expect(seqs).toEqual(Array.from({ length: 271 }, (_, i) => i + 1));
      expect(t.pages.length).toBeGreaterThan(5);
      const w = want[1]!;
      for (let i = 0; i < w.rows.length; i++) expect([i, t.rows[i]]).toEqual([i, w.rows[i]]);
      expect(t.rowKinds).toEqual(w.rowKinds);
    });

    it('pairing table: 9 rows as printed', async () => {
      const t = (await extractSample(name)).tables[2]!;
      expect(t.rows).toHaveLength(9);
      expect(t.rows).toEqual(want[2]!.rows);
      expect(t.title).toBe(want[2]!.title);
    });

    it('table titles, units and pages match the PDF', async () => {
      const ex = await extractSample(name);
      expect(ex.tables.map((t) => t.title)).toEqual(want.map((t) => t.title));
      expect(ex.tables.map((t) => t.unit)).toEqual(want.map((t) => t.unit));
      expect(ex.tables.map((t) => t.pages)).toEqual(want.map((t) => t.pages));
    });

    it('finds the three 公文 with 文号, titles, issuers, dates and pages', async () => {
      const docs = (await extractSample(name)).document.documents;
      const wantDocs = expected<ExpectedDocument[]>('seed', 'documents.json');
      expect(docs.map((d) => d.docNumber?.normalized ?? null)).toEqual(wantDocs.map((d) => d.docNumber));
      for (let i = 0; i < wantDocs.length; i++) {
        const d = docs[i]!;
        const w = wantDocs[i]!;
        expect({ i, title: d.title, issuers: d.issuers, signDate: d.signDate, printDate: d.printDate }).toEqual({
          i,
          title: w.title,
          issuers: w.issuers,
          signDate: w.signDate,
          printDate: w.printDate,
        });
        expect([d.pageFrom, d.pageTo]).toEqual([w.pageFrom, w.pageTo]);
        expect(d.attachments).toEqual(w.attachments);
      }
    });

    it('text.txt has no footer line and no space between two Chinese characters', async () => {
      const { text, document } = await extractSample(name);
      expect(text).not.toMatch(FOOTER_LINE);
      expect(text).not.toMatch(HAN_SPACE_HAN);
      expect(document.removedLines.length).toBeGreaterThanOrEqual(document.source.pages - 1);
      expect(text.split('\f')).toHaveLength(document.source.pages);
    });

    it('leaves no Kangxi or supplement radical code point', async () => {
      const ex = await extractSample(name);
      expect(ex.text).not.toMatch(RADICALS);
      expect(JSON.stringify(ex.tables)).not.toMatch(RADICALS);
      expect(JSON.stringify(ex.document.documents)).not.toMatch(RADICALS);
    });
  });
}
