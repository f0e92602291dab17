/**
 * Text layers that lie (issue #10): an invisible OCR layer (text render mode 3) laid over a
 * page-size scan is told from visible text by the operator list, and judged by its plausibility:
 * a clean layer is kept, one with '2O2'-style numbers and stray Latin letters is re-OCR'd.
 * Synthetic pages: a 100-dpi render of the clean Chinese fixture drawn over the whole page, the
 * fixture's own text (or a misreading of it) on top, invisible.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream, popGraphicsState, pushGraphicsState, setTextRenderingMode, TextRenderingMode } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageContent } from '../../src/model/types.ts';
import { decidePage } from '../../src/decide/page.ts';
import { judgeHiddenLayer } from '../../src/decide/hiddenLayer.ts';
import { plausibility } from '../../src/decide/plausibility.ts';
import { openPdf, openRasterSource, openRenderer } from '../../src/read/pdfjs.ts';
import { ROOT } from '../helpers/samples.ts';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'quality-clean.pdf');
/** the fixture's lines (quality.test.ts cleanFixture) */
const CLEAN = ['关于开展安全生产检查工作的通知', '各有关单位：', '为切实做好安全生产工作，现将有关事项通知如下。', '一、检查时间：二〇二四年三月一日至三月十五日。', '二、检查内容：消防设施、用电安全和值班制度。'];
/**
 * A poor OCR of the same page, made by rewriting the fixture font's ToUnicode map as a bad engine
 * reads: 〇 → 'O', 二 → '2', 一 → 'l' ('2O2四年三月l日': a number with a look-alike letter, a stray
 * Latin letter between Han).
 */
const MISREAD: Record<string, string> = { '3007': '004F', '4E8C': '0032', '4E00': '006C' };

let scanPng: Uint8Array;

beforeAll(async () => {
  const r = await openRenderer(new Uint8Array(readFileSync(FIXTURE)));
  scanPng = (await r.render(1, { page: { dpi: 100 }, format: 'png' })).page!.bytes;
  await r.close();
});

/** The fixture with its font's ToUnicode destinations rewritten by `MISREAD`. */
async function misreadFixture(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(readFileSync(FIXTURE), { updateMetadata: false });
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const stream = doc.context.lookup(obj.get(PDFName.of('ToUnicode'))!) as PDFRawStream;
    const cmap = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    const bad = cmap.replace(/^(<[0-9A-Fa-f]{4}>) <([0-9A-Fa-f]{4})>$/gm, (line, src: string, dst: string) => (MISREAD[dst.toUpperCase()] ? `${src} <${MISREAD[dst.toUpperCase()]}>` : line));
    expect(bad).not.toBe(cmap);
    obj.set(PDFName.of('ToUnicode'), doc.context.register(doc.context.flateStream(bad)));
  }
  return doc.save({ useObjectStreams: false });
}

/** A page-size scan of the fixture with the text of `layer` (a one-page A4 PDF) drawn over it in text render mode `mode` (3: invisible). */
async function scanWithLayer(layer: Uint8Array, mode: TextRenderingMode): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const [text] = await doc.embedPdf(layer);
  const page = doc.addPage([595, 842]);
  page.drawImage(await doc.embedPng(scanPng), { x: 0, y: 0, width: 595, height: 842 });
  page.pushOperators(pushGraphicsState(), setTextRenderingMode(mode));
  page.drawPage(text!, { x: 0, y: 0 });
  page.pushOperators(popGraphicsState());
  return doc.save({ useObjectStreams: false });
}

const clean = (): Uint8Array => new Uint8Array(readFileSync(FIXTURE));

async function readPage1(pdf: Uint8Array): Promise<PageContent> {
  const h = await openPdf(pdf);
  try {
    return await h.readPage(1);
  } finally {
    await h.close();
  }
}

describe('invisible text layer over a scan', () => {
  it('is told from visible text by its render mode', async () => {
    const hidden = await readPage1(await scanWithLayer(clean(), TextRenderingMode.Invisible));
    expect(hidden.hiddenTextShare).toBe(1);
    expect(hidden.largestImageShare).toBeGreaterThan(0.99);
    expect(hidden.items.map((i) => i.text)).toEqual(CLEAN);
    const visible = await readPage1(await scanWithLayer(clean(), TextRenderingMode.Fill));
    expect(visible.hiddenTextShare).toBeUndefined();
    expect(judgeHiddenLayer(visible)).toBeNull();
  });

  it('a plausible layer is kept: read as text', async () => {
    const pdf = await scanWithLayer(clean(), TextRenderingMode.Invisible);
    const page = await readPage1(pdf);
    expect(judgeHiddenLayer(page)).toEqual({ poor: false, reasons: ['invisible text layer over a scanned image (render mode 3)'] });
    const raster = openRasterSource(pdf);
    const read = await decidePage(page, 'auto', () => raster, { inkDpi: 50, inkCheck: true });
    await (await raster).close();
    expect(read.decision).toBe('text');
  });

  it('a poor layer goes to OCR, the reason recorded; --ocr never keeps it with the reason', async () => {
    const pdf = await scanWithLayer(await misreadFixture(), TextRenderingMode.Invisible);
    const page = await readPage1(pdf);
    const never = () => Promise.reject(new Error('no render needed'));
    const read = await decidePage(page, 'auto', never, { inkDpi: 50, inkCheck: true });
    expect(read.decision).toBe('ocr');
    expect(read.reasons[0]).toBe('invisible text layer over a scanned image (render mode 3)');
    expect(read.reasons[1]).toMatch(/^implausible text: .*1 numbers with look-alike letters, 1 stray Latin letters between Han/);
    const off = await decidePage(page, 'never', never, { inkDpi: 50, inkCheck: true });
    expect(off).toMatchObject({ decision: 'text', notOcred: read.reasons });
  });
});

describe('plausibility of Chinese text', () => {
  it('counts numbers with look-alike letters, stray Latin between Han and unpaired brackets', () => {
    const p = plausibility(['关于ZOq5年年度报告中有关财务事项的说明', '天健函 2016) 306号', '上证公函[20I6]0512号', '神鹰集团自Z0l5年', '公司l年度']);
    expect(p.lookAlikeNumbers).toBe(3); // ZOq5, 20I6, Z0l5
    expect(p.strayLatin).toBe(1); // 公司l年度
    expect(p.unpairedBrackets).toBe(1);
  });

  it('real codes and clean text are plausible', () => {
    const p = plausibility(['国家重点研发计划（2018YFC1505400）', '独创性设计8m*5m*8m试验模型', '2021年3月31日，共计1,250万元。']);
    expect(p.per100).toBe(0);
    expect(p.reasons).toEqual([]);
  });
});
