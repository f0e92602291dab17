/**
 * Per-page text-or-OCR decision: character statistics, ink coverage, and real PDFs whose text
 * layer is broken — a ToUnicode map pointing into the private-use area, a font with no ToUnicode
 * at all, GBK bytes under a WinAnsi font — next to the same page with a good text layer, and a
 * page with real text beside a scanned image.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { PageContent, PageInfo, TextItem } from '../../src/model/types.ts';
import type { GrayImage } from '../../src/raster/types.ts';
import { charStats } from '../../src/decide/chars.ts';
import { inkOutsideText } from '../../src/decide/ink.ts';
import { openPdf } from '../../src/read/pdfjs.ts';
import { openRenderer } from '../../src/read/pdfjs.ts';
import { pageTextQuality } from '../../src/decide/textQuality.ts';
import { makePdf } from '../fixtures/minipdf.ts';
import { ROOT, samplePdf } from '../helpers/samples.ts';

const INFO: PageInfo = { page: 1, width: 595, height: 842, rotate: 0 };

/** A text item on a line of its own (boxes only matter to the ink measure). */
function item(text: string, i = 0): TextItem {
  const top = 80 + 20 * i;
  return { text, orig: text, page: 1, bbox: { x0: 72, top, x1: 72 + 14 * text.length, bottom: top + 14 }, fontSize: 14, source: 'pdf', confidence: 1 };
}

const CLEAN = ['关于开展安全生产检查工作的通知', '各有关单位：为切实做好安全生产工作，现将有关事项通知如下。', '一、检查时间：2024 年 3 月 1 日至 3 月 15 日。', '二、检查内容：消防设施、用电安全（含 220V 线路）和值班制度。'];

describe('character statistics', () => {
  it('counts readable Chinese, ASCII and symbols as clean', () => {
    const st = charStats('面积 120㎡，增长 5.3%，①②，温度 25℃，2×3，α 系数 — 《通知》…');
    expect(st.privateUse + st.replacement + st.control + st.latin1 + st.unusual).toBe(0);
    expect(st.han).toBe(10);
  });

  it('sorts the garbage', () => {
    expect(charStats('\ue001\ue002中').privateUse).toBe(2);
    expect(charStats('a\ufffdb').replacement).toBe(1);
    expect(charStats('a\u0001\u0085b').control).toBe(2);
    const moj = charStats('ÖÐ¹ú ÈËÃñ é');
    expect([moj.latin1, moj.latin1Runs]).toEqual([9, 8]);
    expect(charStats('ä¸­æ–‡ â€œ').latin1).toBeGreaterThanOrEqual(6);
    const odd = charStats('Привет 한국 㐀𠮟');
    expect([odd.unusual, odd.rareHan]).toEqual([8, 2]);
    expect(charStats('!"#$%&\'()').symbolRuns).toBe(9);
    expect(charStats('签名：______ 第...页 (2021)').symbolRuns).toBe(0);
  });
});

describe('pageTextQuality on synthetic items', () => {
  it('clean Chinese text → text', () => {
    const q = pageTextQuality(CLEAN.map(item), INFO);
    expect(q).toEqual({ score: 1, reasons: [], decision: 'text' });
  });

  it('30% private-use code points → ocr', () => {
    const text = Array.from('关于开展安全生产检查工作的通知各有关单位').map((c, i) => (i % 10 < 3 ? String.fromCharCode(0xe000 + i) : c)).join('');
    const q = pageTextQuality([item(text)], INFO);
    expect(q.decision).toBe('ocr');
    expect(q.reasons).toEqual(['garbled: 30% private-use code points']);
    expect(q.score).toBeCloseTo(0.7, 5);
  });

  it("GBK read as WinAnsi ('ÖÐ¹úÈËÃñ') → ocr", () => {
    const q = pageTextQuality([item('ÖÐ»ªÈËÃñ¹²ºÍ¹ú¹úÎñÔº'), item('¹ØÓÚ¿ªÕ¹°²È«Éú²ú¼ì²é¹¤×÷µÄÍ¨Öª', 1)], INFO);
    expect(q.decision).toBe('ocr');
    expect(q.reasons[0]).toMatch(/^garbled: \d+% mojibake/);
  });

  it('no items, or items with nothing but spaces → ocr (no text)', () => {
    expect(pageTextQuality([], INFO)).toEqual({ score: 0, reasons: ['no text'], decision: 'ocr' });
    const q = pageTextQuality([item('   '), item('\u3000\u3000', 1)], INFO);
    expect(q.decision).toBe('ocr');
    expect(q.reasons[0]).toMatch(/^no text \(items decode to nothing/);
  });

  it('a layer of one character repeated (a ToUnicode map sending many glyphs to one) is cross-checked; ordinary repeats are not', () => {
    const q = pageTextQuality([item('轉轉︰針針針針針針針針針針針針')], INFO);
    expect(q.decision).toBe('text');
    expect(q.needsInk).toBe(true);
    expect(q.reasons.join()).toMatch(/repeated characters: \d+% of the Han/);
    // a leader, '哈哈哈' in a quote and '×××' placeholders in prose stay plain text
    const prose = pageTextQuality([...CLEAN, '他笑道：“哈哈哈，好。”……………… 第 3 页', '×××同志：根据工作安排，现通知如下。'].map(item), INFO);
    expect(prose.decision).toBe('text');
    expect(prose.needsInk).toBeUndefined();
  });

  it('other scripts and rare ideographs are cross-checked by OCR, not dropped as garbage', () => {
    // Japanese with supplementary-plane ideographs, and a name with an extension-A character
    for (const text of ['𠮟る、𩸽、𠀋。', '关于表彰㐂㐄同志的决定']) {
      const q = pageTextQuality([item(text)], INFO);
      expect(q.decision, text).toBe('text');
      expect(q.needsInk, text).toBe(true);
      expect(q.reasons.join(), text).toMatch(/^unusual characters: \d+%/);
    }
  });

  it('a few stray symbols do not make a page garbled', () => {
    const q = pageTextQuality([...CLEAN.map(item), item('编号：Ã-01', 4)], INFO);
    expect(q.decision).toBe('text');
    expect(q.reasons).toEqual(['garbled: 1% isolated Latin-1 characters']);
  });

  it('ink coverage decides between text and both; a clean text layer is never dropped', () => {
    const items = CLEAN.map(item);
    expect(pageTextQuality(items, INFO, 0.97).decision).toBe('text');
    const both = pageTextQuality(items, INFO, 0.55);
    expect(both.decision).toBe('both');
    expect(both.reasons).toEqual(['text covers 55% of the ink', 'ink outside the text boxes']);
    // even when it explains little of the ink, the text layer says what it says: OCR adds the rest
    expect(pageTextQuality(items, INFO, 0.1).decision).toBe('both');
    // a scan with only a page number as text: 'both'; without an ink measure the ink must decide
    expect(pageTextQuality([item('— 3 —')], INFO, 0.6).decision).toBe('both');
    expect(pageTextQuality([item('— 3 —')], INFO)).toMatchObject({ decision: 'both', needsInk: true });
    // a page that holds only '目录' and whose ink is all inside it is text
    expect(pageTextQuality([item('目录')], INFO, 0.95).decision).toBe('text');
    // little ink outside (a seal, a logo): still text
    expect(pageTextQuality(items, INFO, { inkPixels: 100, insidePixels: 60, coverage: 0.6, outsideShare: 0.002 }).decision).toBe('text');
  });
});

describe('inkOutsideText on a synthetic image', () => {
  // 72 dpi: one pixel = one point
  const W = 200;
  const H = 100;
  function image(): GrayImage {
    return { width: W, height: H, data: new Uint8Array(W * H).fill(255) };
  }
  function rect(img: GrayImage, x0: number, y0: number, x1: number, y1: number, v = 0): void {
    for (let y = y0; y < y1; y++) img.data.fill(v, y * W + x0, y * W + x1);
  }
  const box = (x0: number, top: number, x1: number, bottom: number): TextItem => ({ ...item('文字'), bbox: { x0, top, x1, bottom } });

  it('counts ink inside and outside the text boxes, ignoring thin long lines', () => {
    const img = image();
    rect(img, 10, 10, 30, 20); // text glyphs: 200 px inside the box
    rect(img, 100, 50, 120, 60); // a picture: 200 px outside
    rect(img, 5, 80, 195, 81); // a 1-px rule across the page
    rect(img, 150, 5, 151, 95); // a vertical rule
    const ink = inkOutsideText(img, [box(10, 10, 30, 20)], 72, { settings: { boxMarginPt: 0 } });
    expect(ink).toEqual({ inkPixels: 400, insidePixels: 200, coverage: 0.5, outsideShare: 200 / (W * H) });
  });

  it('leaves out ink under vector rulings; whitespace items explain nothing', () => {
    const img = image();
    rect(img, 10, 40, 190, 44); // a 4-pt thick bar: too thick for a thin line
    const withRuling = inkOutsideText(img, [], 72, { rulings: [{ page: 1, axis: 'h', from: 10, to: 190, at: 42, width: 4 }] });
    expect(withRuling.inkPixels).toBe(0);
    expect(withRuling.coverage).toBe(1);
    const blank = inkOutsideText(img, [{ ...box(0, 0, 200, 100), text: ' ' }], 72);
    expect(blank.coverage).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Real PDFs

type Napi = typeof import('@napi-rs/canvas');
const napi = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))('@napi-rs/canvas') as Napi;

async function pngToGray(png: Uint8Array): Promise<GrayImage> {
  const img = await napi.loadImage(Buffer.from(png));
  const canvas = napi.createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
  const data = new Uint8Array(img.width * img.height);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(0.299 * rgba[4 * i]! + 0.587 * rgba[4 * i + 1]! + 0.114 * rgba[4 * i + 2]!);
  return { width: img.width, height: img.height, data };
}

const INK_DPI = 50;

/** Page 1 read by pdf.js and its ink measured on a 50-dpi render. */
async function readAndMeasure(pdf: Uint8Array): Promise<{ content: PageContent; quality: ReturnType<typeof pageTextQuality>; coverage: number; inkPixels: number }> {
  const h = await openPdf(pdf);
  const content = await h.readPage(1);
  await h.close();
  const r = await openRenderer(pdf);
  const { page } = await r.render(1, { page: { dpi: INK_DPI }, format: 'png' });
  await r.close();
  const ink = inkOutsideText(await pngToGray(page!.bytes), content.items, INK_DPI, { rulings: content.rulings });
  return { content, quality: pageTextQuality(content.items, content.info, ink), coverage: ink.coverage, inkPixels: ink.inkPixels };
}

const FIXTURE = join(ROOT, 'test', 'fixtures', 'quality-clean.pdf');
const FONT = '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf';

/**
 * The committed fixture: one A4 page of Chinese text in a subset of Droid Sans Fallback (a
 * Type0/CIDFontType2 font with a ToUnicode map, as Word/WPS write them). Rewritten when
 * GONGWEN_WRITE_FIXTURES=1 (needs Debian's fonts-droid-fallback).
 */
async function cleanFixture(): Promise<Uint8Array> {
  if (process.env['GONGWEN_WRITE_FIXTURES'] !== '1' && existsSync(FIXTURE)) return new Uint8Array(readFileSync(FIXTURE));
  const { padSubsetGlyphs } = await import('../../samples/generate/pdf-surface.ts');
  const fontBytes = new Uint8Array(readFileSync(FONT));
  padSubsetGlyphs(fontBytes);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  const page = doc.addPage([595, 842]);
  const lines = ['关于开展安全生产检查工作的通知', '各有关单位：', '为切实做好安全生产工作，现将有关事项通知如下。', '一、检查时间：二〇二四年三月一日至三月十五日。', '二、检查内容：消防设施、用电安全和值班制度。'];
  lines.forEach((t, i) => page.drawText(t, { x: 72, y: 760 - i * 30, size: i === 0 ? 18 : 14, font, color: rgb(0, 0, 0) }));
  const bytes = await doc.save({ useObjectStreams: false });
  writeFileSync(FIXTURE, bytes);
  return bytes;
}

/** Applies `edit` to every Type0 font dictionary of `pdf` and saves (objects uncompressed). */
async function editFonts(pdf: Uint8Array, edit: (font: PDFDict, doc: PDFDocument) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  let n = 0;
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.get(PDFName.of('Subtype')) === PDFName.of('Type0')) {
      edit(obj, doc);
      n++;
    }
  }
  expect(n).toBe(1);
  return doc.save({ useObjectStreams: false });
}

/** The same ToUnicode CMap with every destination moved into the private-use area (U+E000…). */
function puaToUnicode(font: PDFDict, doc: PDFDocument): void {
  const ref = font.get(PDFName.of('ToUnicode'))!;
  const stream = doc.context.lookup(ref) as PDFRawStream;
  const cmap = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  let k = 0;
  const broken = cmap.replace(/^(<[0-9A-Fa-f]{4}>) <[0-9A-Fa-f]{4}>$/gm, (_, src: string) => `${src} <${(0xe000 + k++).toString(16).toUpperCase()}>`);
  expect(k).toBeGreaterThan(30);
  font.set(PDFName.of('ToUnicode'), doc.context.register(doc.context.flateStream(broken)));
}

/** A reverse GBK table built from the platform's GBK decoder. */
function gbkEncode(s: string): number[] {
  const dec = new TextDecoder('gbk');
  const map = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [a, b]);
    }
  }
  return Array.from(s).flatMap((ch) => map.get(ch) ?? [ch.charCodeAt(0)]);
}

describe('real PDFs with broken text layers', () => {
  it('the clean fixture reads as text, its ink inside the text boxes', async () => {
    const pdf = await cleanFixture();
    expect(pdf.length).toBeLessThan(100_000);
    const { content, quality, coverage, inkPixels } = await readAndMeasure(pdf);
    expect(content.items.map((i) => i.text)[0]).toBe('关于开展安全生产检查工作的通知');
    expect(inkPixels).toBeGreaterThan(500);
    expect(coverage).toBeGreaterThan(0.99);
    expect(quality.decision).toBe('text');
  });

  it('a ToUnicode map into the private-use area → ocr, while the page still renders', async () => {
    const pdf = await editFonts(await cleanFixture(), puaToUnicode);
    const { content, quality, inkPixels } = await readAndMeasure(pdf);
    const text = content.items.map((i) => i.orig).join('');
    console.log('PUA ToUnicode: pdf.js gives', JSON.stringify(text.slice(0, 12)), quality.reasons);
    expect(Array.from(text).every((c) => c.codePointAt(0)! >= 0xe000 && c.codePointAt(0)! <= 0xf8ff)).toBe(true);
    expect(inkPixels).toBeGreaterThan(500);
    expect(quality.decision).toBe('ocr');
    expect(quality.reasons).toEqual(['garbled: 100% private-use code points']);
  });

  it('an embedded font without ToUnicode → ocr', async () => {
    const pdf = await editFonts(await cleanFixture(), (font) => font.delete(PDFName.of('ToUnicode')));
    const { content, quality, inkPixels } = await readAndMeasure(pdf);
    const text = content.items.map((i) => i.orig).join('');
    console.log('no ToUnicode: pdf.js gives', content.items.length, 'items', JSON.stringify(text.slice(0, 12)), quality.reasons);
    expect(inkPixels).toBeGreaterThan(500);
    expect(quality.decision).toBe('ocr');
  });

  it('GBK bytes under a WinAnsi font (mojibake) → ocr', async () => {
    const bytes = gbkEncode('关于开展安全生产检查工作的通知');
    const str = bytes.map((b) => '\\' + b.toString(8).padStart(3, '0')).join('');
    const pdf = makePdf([{ content: `BT /F1 14 Tf 72 760 Td (${str}) Tj ET` }]);
    const { content, quality } = await readAndMeasure(pdf);
    console.log('GBK as WinAnsi: pdf.js gives', JSON.stringify(content.items[0]?.orig), quality.reasons);
    expect(content.items[0]!.orig.startsWith('¹ØÓÚ')).toBe(true);
    expect(quality.decision).toBe('ocr');
  });

  it('real text beside a scanned image → both', async () => {
    // the scan: a 100-dpi render of a table page of the seed sample, drawn below the text
    const seed = new Uint8Array(readFileSync(samplePdf('seed')));
    const r = await openRenderer(seed);
    const { regions } = await r.render(8, { regions: [{ x0: 60, top: 170, x1: 540, bottom: 480 }], regionDpi: 100, format: 'png' });
    await r.close();
    const doc = await PDFDocument.load(await cleanFixture(), { updateMetadata: false });
    const png = await doc.embedPng(regions[0]!.bytes);
    doc.getPage(0).drawImage(png, { x: 60, y: 842 - 620, width: 480, height: 310 });
    const both = await doc.save();
    const { quality, coverage } = await readAndMeasure(both);
    console.log(`text + scanned image: coverage ${(100 * coverage).toFixed(1)}%`, quality.reasons);
    expect(coverage).toBeLessThan(0.6);
    expect(quality.decision).toBe('both');
  });
});

describe('little ink outside the text: a seal, or a scanned table beside a caption', () => {
  it("ignores it beside small images (a seal), not beside a large painted image ('both')", async () => {
    const { pageTextQuality } = await import('../../src/decide/textQuality.ts');
    const items = [{ text: '汉阳区 2022 年乡村振兴和结对帮扶资金预算安排情况', orig: '汉阳区 2022 年乡村振兴和结对帮扶资金预算安排情况', page: 1, bbox: { x0: 90, top: 150, x1: 500, bottom: 170 }, fontSize: 18, source: 'pdf' as const, confidence: 1 }];
    const info = { page: 1, width: 595, height: 842, rotate: 0 };
    const ink = { inkPixels: 3480, insidePixels: 1468, coverage: 0.42, outsideShare: 0.0083 };
    expect(pageTextQuality(items, info, { ...ink, largestImageShare: 0.02 }).decision).toBe('text');
    expect(pageTextQuality(items, info, ink).decision).toBe('text');
    expect(pageTextQuality(items, info, { ...ink, largestImageShare: 0.128 }).decision).toBe('both');
  });
});
