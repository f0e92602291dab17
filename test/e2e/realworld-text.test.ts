/**
 * Issue #10 on real files (samples/realworld, from the pdfplumber and pdf.js test suites), PDF in,
 * text / tables / document.json out, checked against the page pictures:
 *  - fake bold (every glyph drawn 2–4 times): each run once, repeated text side by side kept;
 *  - a 300-dpi scan under a poor invisible OCR layer: re-read by OCR, the reason recorded;
 *  - a tiny real text layer ('目录', '我们都是黑体字') kept, whatever a render without its font gives,
 *    and one of real but wrong characters replaced by a confident OCR that disagrees;
 *  - a scan page whose text layer holds the date digits: read 'both', the digits kept;
 *  - a garbled text layer whose render's glyph boxes made a false grid: no table, the text read;
 *  - honest status: a document with no text at all is partial.
 * OCR pages take ~5–10 s each (PP-OCRv4).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/model/outputs.ts';
import { extractPdf, honestyErrors, type ExtractOptions } from '../../src/pipeline/extract.ts';
import type { PageContent } from '../../src/model/types.ts';
import { makePdf } from '../fixtures/minipdf.ts';

function extractReal(name: string, options: ExtractOptions = {}): Promise<Extraction> {
  const path = join('samples', 'realworld', name, `${name}.pdf`);
  return extractPdf({ path, data: new Uint8Array(readFileSync(path)) }, options);
}

const count = (text: string, s: string): number => text.split(s).length - 1;
const compact = (s: string): string => s.replace(/\s+/g, '');

describe('fake bold (overprinted runs)', () => {
  it('issue-842: the cover page printed once', async () => {
    const ex = await extractReal('pp-issue-842-example');
    const text = compact(ex.text);
    expect(count(text, '安徽安利合成革股份有限公司')).toBe(1);
    expect(count(text, 'ANHUIANLIARTIFICIALLEATHERCO.,LTD.')).toBe(1);
    expect(text).toContain('2011年年度报告');
    expect(text).toContain('股票代码：300218');
    expect(text).toContain('股票简称：安利股份');
    expect(text).toContain('披露日期：2012年3月27日');
    expect(text).not.toMatch(/股票代码股票代码|300218300218|：：/);
  }, 60_000);

  it('issue-71: bold labels once, text repeated side by side kept', async () => {
    const ex = await extractReal('pp-issue-71-duplicate-chars');
    const text = compact(ex.text);
    expect(text).not.toContain('项目描述：项目描述');
    expect(text).not.toContain('项目名称一1项目名称一1');
    // printed so on the page: a word written 13 times in a row, a laugh of six characters
    expect(text).toContain('项目经验项目经验项目经验项目经验项目经验项目经验项目经验项目经验项目经验项目经验项目经验项目经验项目');
    expect(text).toContain('嘻嘻嘻嘻嘻嘻');
    expect(count(text, '项目描述：')).toBe(5); // five projects on the two pages
  }, 60_000);
});

describe('pr-136: a 300-dpi scan under a poor invisible OCR layer', () => {
  let ex: Extraction;
  beforeAll(async () => {
    ex = await extractReal('pp-pr-136-example');
  }, 240_000);

  it('every page is re-read by OCR, the reason recorded', () => {
    expect(ex.document.pages).toHaveLength(6);
    for (const p of ex.document.pages) {
      expect(p.method).toBe('ocr');
      expect(p.reasons[0]).toBe('invisible text layer over a scanned image (render mode 3)');
      expect(p.reasons[1]).toMatch(/^implausible text: .*numbers with look-alike letters/);
      expect(p.confidence).toBeGreaterThan(0.85);
    }
  });

  it("the text is the page's, not the layer's", () => {
    const text = compact(ex.text);
    for (const bad of ['ZOq5', '说阴', '孔500万元', '20I5', 'Z0l5']) expect(text).not.toContain(bad);
    expect(text).toContain('关于浙江菲达环保科技股份有限公司2015年年度报告中有关财务事项的说明');
    expect(text).toContain('神鹰集团自2015年11月6日起');
    expect(text).toContain('可能出现9,500万元担保损失');
  });

  it('finds the ruled table on page 1', () => {
    const t = ex.tables.find((x) => x.pages[0] === 1)!;
    expect(t.header).toEqual(['被担保单位', '金融机构', '担保融资金额（人民币万元）', '融资起始日', '融资到期日', '备注']);
    expect(t.rows[0]).toEqual(['神鹰集团', '中信银行杭州分行', '2,000', '2015-09-07', '2016-03-07', '']);
  });
});

describe('real text layers are kept', () => {
  it("issue8372: '目录' stays, with --ocr auto and --ocr never", async () => {
    const auto = await extractReal('pdfjs-issue8372');
    expect(auto.text.trim()).toBe('目录');
    expect(auto.document.pages[0]!.method).toBe('text');
    const never = await extractReal('pdfjs-issue8372', { ocr: 'never' });
    expect(never.text.trim()).toBe('目录');
    expect(never.document.errors).toEqual([]);
    expect(never.document.status).toBe('ok');
  }, 60_000);

  it("issue3521: '我们都是黑体字' stays although OCR of the render reads boxes", async () => {
    const ex = await extractReal('pdfjs-issue3521');
    expect(compact(ex.text)).toBe('我们都是黑体字');
    expect(ex.document.pages[0]!.method).toBe('text');
  }, 60_000);

  it("issue7696: a layer of real but wrong characters ('嘆囈貭鍔' for '中國文件') is replaced by a confident OCR", async () => {
    const ex = await extractReal('pdfjs-issue7696');
    expect(compact(ex.text)).toBe('中國文件中國文件');
    expect(ex.document.pages[0]!.method).toBe('ocr');
    expect(ex.document.pages[0]!.reasons.at(-1)).toMatch(/^text layer '嘆囈貭鍔.*' disagrees with a confident OCR reading/);
  }, 60_000);

  it("malformed-from-issue-932: the date digits of the text layer survive the page's OCR", async () => {
    const ex = await extractReal('pp-malformed-from-issue-932');
    const page = ex.document.pages[0]!;
    expect(page.method).toBe('both');
    expect(page.reasons).toContain('little text (7 characters)');
    expect(ex.text).toMatch(/2021\D{0,3}3\D{0,3}31/);
    // and OCR still reads the scan around them
    expect(compact(ex.text)).toContain('本页无正文');
  }, 120_000);
});

describe('honest status', () => {
  it('issue3405r: a false grid from the glyph boxes of a render is no table; the six characters read', async () => {
    const ex = await extractReal('pdfjs-issue3405r');
    expect(ex.tables).toEqual([]);
    expect(compact(ex.text)).toBe('其他参考数据');
    expect(ex.document.pages[0]).toMatchObject({ method: 'ocr', reasons: ['garbled: 100% control characters'] });
    expect(ex.document.status).toBe('ok');
  }, 60_000);

  it('a document with no text on any page is partial, with the reason', async () => {
    // both pages are blank (nothing painted; a faint speck): the document says so
    const data = makePdf([{ content: '' }, { content: '0.9 g 100 100 5 5 re f' }]);
    const ex = await extractPdf({ path: 'blank.pdf', data });
    expect(ex.text.trim()).toBe('');
    expect(ex.document.status).toBe('partial');
    expect(ex.document.errors).toContainEqual({ stage: 'read', reason: 'every page is blank' });
  }, 60_000);

  it('a page read by OCR alone at a garbage confidence is an error; a blank one and a page read both are not', () => {
    const page = (n: number, items: number): PageContent => ({
      info: { page: n, width: 595, height: 842, rotate: 0 },
      items: Array.from({ length: items }, () => ({ text: 'x', orig: 'x', page: n, bbox: { x0: 0, top: 0, x1: 1, bottom: 1 }, fontSize: 1, source: 'ocr' as const, confidence: 0.4 })),
      rulings: [],
    });
    const errs = honestyErrors(
      [page(1, 3), page(2, 0), page(3, 3), page(4, 3)],
      [
        { method: 'ocr', confidence: 0.45, reasons: [] },
        { method: 'ocr', confidence: 0, reasons: [] },
        { method: 'both', confidence: 0.45, reasons: [] },
        { method: 'ocr', confidence: 0.95, reasons: [] },
      ],
      'x',
      0,
    );
    expect(errs).toEqual([{ stage: 'ocr', page: 1, reason: "OCR read mostly garbage (mean confidence 0.45): the page's text is not trustworthy" }]);
  });
});
