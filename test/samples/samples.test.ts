/**
 * Consistency of the committed samples (samples/<name>/<name>.pdf + expected/): the PDFs exist and
 * open, and the hand-checked expected data is self-consistent (counts, order, sums). These tests
 * check the EXPECTED data, not gongwen's extractor.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExpectedDocument, ExpectedTable, TextFacts } from '../../samples/generate/expected-types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLES = ['seed', 'seed-type3', 'lo-ruled', 'lines-table', 'unruled'] as const;

const pdfPath = (name: string) => join(root, 'samples', name, `${name}.pdf`);
const load = <T>(name: string, file: string): T => JSON.parse(readFileSync(join(root, 'samples', name, 'expected', file), 'utf8')) as T;
const tablesOf = (name: string) => load<ExpectedTable[]>(name, 'tables.json');
const docsOf = (name: string) => load<ExpectedDocument[]>(name, 'documents.json');
const factsOf = (name: string) => load<TextFacts>(name, 'text-facts.json');
/** '１２，３４５．６０' or '12,345.60' → 12345.6 */
const num = (s: string) => Number(s.replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/[，,]/g, '').replace(/．/g, '.'));
const round2 = (x: number) => Math.round(x * 100) / 100;

async function openPdf(name: string) {
  const base = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdfPath(name))), cMapUrl: base + '/cmaps/', cMapPacked: true, standardFontDataUrl: base + '/standard_fonts/' }).promise;
}

describe.each(SAMPLES)('sample %s', (name) => {
  it('has a small PDF starting with %PDF whose page count matches text-facts', async () => {
    expect(existsSync(pdfPath(name))).toBe(true);
    const bytes = readFileSync(pdfPath(name));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(statSync(pdfPath(name)).size).toBeLessThan(1.5 * 1024 * 1024);
    const doc = await openPdf(name);
    try {
      expect(doc.numPages).toBe(factsOf(name).pages);
    } finally {
      await doc.loadingTask.destroy();
    }
  });

  it('has well-formed tables.json', () => {
    const tables = tablesOf(name);
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      expect(t.header.length).toBeGreaterThan(1);
      expect(t.rowKinds).toHaveLength(t.rows.length);
      t.rows.forEach((r, i) => {
        expect(r).toHaveLength(t.header.length);
        if (t.rowKinds[i] === 'section') expect(r.slice(1).every((c) => c === '')).toBe(true);
        for (const c of r) expect(c).toBe(c.trim());
      });
    }
  });

  it('has documents.json with ordered, non-overlapping page ranges inside the PDF', () => {
    const docs = docsOf(name);
    const pages = factsOf(name).pages;
    let last = 0;
    for (const d of docs) {
      expect(d.pageFrom).toBe(last + 1);
      expect(d.pageTo).toBeGreaterThanOrEqual(d.pageFrom);
      last = d.pageTo;
      for (const date of [d.signDate, d.printDate]) if (date) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(last).toBe(pages);
  });

  it('has text-facts.json with footers and required text', () => {
    const f = factsOf(name);
    expect(f.footers.length).toBeGreaterThan(0);
    expect(f.mustContain.length).toBeGreaterThan(0);
  });
});

describe.each(['seed', 'seed-type3'] as const)('%s expected data (from the seed text)', (name) => {
  const tables = tablesOf(name);

  it('has exactly 3 tables', () => expect(tables).toHaveLength(3));

  it('has the budget table with rows that sum: 618 + 1750 = 2368', () => {
    const t = tables[0]!;
    expect(t.title).toBe('汉阳区 2022 年乡村振兴和结对帮扶资金预算安排情况');
    expect(t.unit).toBe('单位：万元');
    expect(t.header).toEqual(['级次', '预算单位', '项目名称', '预算数']);
    expect(t.rows).toEqual([
      ['合计', '', '', '2368'],
      ['汉阳区', '区直机关工委等预算单位', '乡村振兴专项经费', '618'],
      ['汉阳区', '区政府办', '结对帮扶资金', '1750'],
    ]);
    expect(Number(t.rows[1]![3]) + Number(t.rows[2]![3])).toBe(Number(t.rows[0]![3]));
  });

  it('has ONE village table: 293 rows, 序号 1..271 in order, 22 section rows', () => {
    const t = tables[1]!;
    expect(t.header).toEqual(['序号', '派出单位', '派驻村']);
    expect(t.rows).toHaveLength(293);
    const body = t.rows.filter((_, i) => t.rowKinds[i] === 'body');
    expect(body.map((r) => Number(r[0]))).toEqual(Array.from({ length: 271 }, (_, i) => i + 1));
    const sections = t.rows.filter((_, i) => t.rowKinds[i] === 'section').map((r) => r[0]);
    expect(sections).toHaveLength(22);
    expect(sections[0]).toBe('一、黄陂区姚家集街 12 个村（牵头单位：市委办公厅）');
    expect(sections[21]).toBe('二十二、江夏区湖泗街 14 个村（牵头单位：市交通运输局）');
    expect(t.rowKinds[0]).toBe('section');
    // each section announces how many villages follow it ('12 个村', '15 村', '7个村')
    t.rows.forEach((r, i) => {
      if (t.rowKinds[i] !== 'section') return;
      const n = Number(/(\d+)\s*个?村/.exec(r[0]!)![1]);
      const next = t.rowKinds.indexOf('section', i + 1);
      expect((next < 0 ? t.rows.length : next) - i - 1).toBe(n);
    });
    expect(body[270]).toEqual(['271', '东湖高新区', '南山村']);
  });

  it('has the 9-row pairing table with its spaces as printed', () => {
    const t = tables[2]!;
    expect(t.header).toEqual(['重点帮扶地区', '结对帮扶区']);
    expect(t.rows).toHaveLength(9);
    expect(t.rows).toContainEqual(['恩施州建始县', '洪山区 东湖生态旅游风景区']);
    expect(t.rows).toContainEqual(['恩施州利川市', '武汉经济技术开发区 (汉南区)']);
    expect(t.rows).toContainEqual(['恩施州来凤县', '汉阳区、蔡甸区']);
  });

  it('has three 公文: the budget note, 武办文〔2021〕40号, 武办文〔2021〕33号', () => {
    const docs = docsOf(name);
    expect(docs.map((d) => d.docNumber)).toEqual([null, '武办文〔2021〕40号', '武办文〔2021〕33号']);
    expect(docs[1]!.signDate).toBe('2021-08-23');
    expect(docs[1]!.printDate).toBe('2021-08-24');
    expect(docs[2]!.issuers).toEqual(['中共武汉市委办公厅', '武汉市人民政府办公厅']);
    expect(docs[2]!.signDate).toBe('2021-07-02');
  });

  it('lists the repeated seed page (急缺 and 急需) and the restarting footers', () => {
    const f = factsOf(name);
    expect(f.mustContain).toEqual(expect.arrayContaining(['方面急缺人才', '方面急需人才']));
    expect(f.footers).toContain('— 1 —');
  });
});

describe('seed-type3 matches seed', () => {
  it('has the same tables and documents as seed', () => {
    const strip = (ts: ExpectedTable[]) => ts.map(({ pages: _p, ...t }) => t);
    expect(strip(tablesOf('seed-type3'))).toEqual(strip(tablesOf('seed')));
    expect(docsOf('seed-type3').map((d) => d.title)).toEqual(docsOf('seed').map((d) => d.title));
  });

  it('records Kangxi radicals that must not survive into text.txt', () => {
    const bad = factsOf('seed-type3').mustNotContain;
    expect(bad.length).toBeGreaterThan(0);
    for (const ch of bad) expect(ch.codePointAt(0)!).toBeGreaterThanOrEqual(0x2e80);
  });
});

describe('sums of the invented samples', () => {
  it('lo-ruled: the 合计 row equals the column sums, 小计 = 中央 + 县级', () => {
    const t = tablesOf('lo-ruled')[0]!;
    expect(t.header).toHaveLength(7);
    const total = t.rows[t.rows.length - 1]!;
    expect(total[0]).toBe('合计');
    for (const c of [3, 4, 5, 6]) expect(round2(t.rows.slice(0, -1).reduce((a, r) => a + num(r[c]!), 0))).toBe(num(total[c]!));
    for (const r of t.rows) expect(round2(num(r[5]!) + num(r[6]!))).toBe(num(r[4]!));
  });

  it('lines-table: long table over 6+ pages, sections, sums; landscape and rotated tables sum', async () => {
    const [long, wide, km] = tablesOf('lines-table');
    expect(long!.pages!.length).toBeGreaterThanOrEqual(6);
    expect(long!.rowKinds.filter((k) => k === 'section')).toHaveLength(8);
    const body = long!.rows.filter((r, i) => long!.rowKinds[i] === 'body' && r[0] !== '合计');
    const total = long!.rows[long!.rows.length - 1]!;
    expect(round2(body.reduce((a, r) => a + num(r[4]!), 0))).toBe(num(total[4]!));
    for (const t of [wide!, km!]) {
      const tot = t.rows[t.rows.length - 1]!;
      for (let c = 1; c < t.header.length; c++) {
        if (tot[c] === '') continue;
        expect(round2(t.rows.slice(0, -1).reduce((a, r) => a + num(r[c]!), 0))).toBeCloseTo(num(tot[c]!), 1);
      }
    }
    const doc = await openPdf('lines-table');
    try {
      const n = doc.numPages;
      const landscape = await doc.getPage(n - 1);
      expect(landscape.view[2]!).toBeGreaterThan(landscape.view[3]!);
      const rotated = await doc.getPage(n);
      expect(rotated.rotate).toBe(90);
      expect(rotated.view[2]!).toBeLessThan(rotated.view[3]!);
    } finally {
      await doc.loadingTask.destroy();
    }
  });

  it('unruled: full-width and ASCII amounts both sum to the 合计 row', () => {
    const t = tablesOf('unruled')[0]!;
    const total = t.rows[t.rows.length - 1]!;
    expect(total[1]).toBe('合计');
    expect(total[2]).toMatch(/^[０-９，．]+$/);
    expect(total[3]).toMatch(/^[\d,]+\.\d\d$/);
    for (const c of [2, 3]) expect(round2(t.rows.slice(0, -1).reduce((a, r) => a + num(r[c]!), 0))).toBe(num(total[c]!));
  });
});
