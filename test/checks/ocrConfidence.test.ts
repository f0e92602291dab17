import { describe, expect, it } from 'vitest';
import { cellProblem, columnType, DEFAULT_OCR_CONFIDENCE, ocrConfidenceRule } from '../../src/checks/rules/ocrConfidence.ts';
import type { Cell, Table } from '../../src/model/types.ts';
import type { CheckInput } from '../../src/model/check.ts';

const box = { x0: 10, top: 20, x1: 30, bottom: 40 };
function table(rows: string[][], header: string[], confidence: (r: number, c: number) => number): Table {
  const cells: Cell[] = rows.flatMap((row, r) => row.map((text, c) => ({ row: r, col: c, rowSpan: 1, colSpan: 1, text, bbox: { ...box, top: 20 * r }, page: 2, confidence: confidence(r, c) })));
  return { id: 't1', title: '表', titleBox: null, unit: null, pages: [2], detector: 'lattice', columns: header.length, header, rows, rowKinds: rows.map(() => 'body'), cells, quality: { fill: 1, strayItems: 0, fragments: 1, droppedHeaderRows: 0 } };
}
const input = (t: Table): CheckInput => ({ document: {} as CheckInput['document'], tables: [t], records: [], paragraphs: [] });

describe('ocr.low-confidence', () => {
  const rows = [['1', '甲', '618'], ['2', '乙', '1750'], ['З', '丙', '2O'], ['4', '丁', '5']];
  it('types columns from the header and the majority', () => {
    const t = table(rows, ['序号', '名称', '预算数'], () => 1);
    expect([0, 1, 2].map((c) => columnType(t, c))).toEqual(['sequence', 'text', 'amount']);
    const bare = table(rows, ['', '', ''], () => 1);
    expect(columnType(bare, 0)).toBe('sequence');
    expect(columnType(bare, 2)).toBe('amount');
  });
  it('flags OCR cells that are unsure or fail their column type, never text-layer cells', () => {
    const t = table(rows, ['序号', '名称', '预算数'], (r, c) => (r === 1 && c === 1 ? 0.5 : 0.99));
    const out = ocrConfidenceRule.run(input(t));
    expect(out.findings.map((f) => f.actual).sort()).toEqual(['2O', 'З', '乙']);
    expect(out.findings.every((f) => f.severity === 'warning' && f.evidence[0]!.page === 2)).toBe(true);
    expect(out.checked).toBe(12);
    const digital = table(rows, ['序号', '名称', '预算数'], () => 1);
    expect(ocrConfidenceRule.run(input(digital))).toMatchObject({ findings: [], checked: 0 });
  });
  it('explains why', () => {
    const cell = { row: 0, col: 0, rowSpan: 1, colSpan: 1, text: 'l2', bbox: box, page: 1, confidence: 0.5 };
    expect(cellProblem(cell, 'sequence', true, DEFAULT_OCR_CONFIDENCE)).toBe('识别置信度 0.50 低于 0.9；序号列的内容不是整数');
  });
});

describe('section rows', () => {
  it('flags a section numeral that lost the mark its siblings carry', async () => {
    const { sectionProblem } = await import('../../src/checks/rules/ocrConfidence.ts');
    expect(sectionProblem('一黄陂区姚家集街12个村', '、')).toContain('缺少');
    expect(sectionProblem('一、黄陂区', '、')).toBeNull();
    expect(sectionProblem('一黄陂区', null)).toBeNull();
  });
});

describe('bracket width', () => {
  it('sends a bracket beside Han to review (ASCII " (" and "（" look alike on a scan), not brackets among digits', async () => {
    const { bracketWidthProblem } = await import('../../src/checks/rules/ocrConfidence.ts');
    for (const t of ['武汉经开区（汉南区）', '武汉经济技术开发区 (汉南区)', '合计（万元）', '第(1)项']) expect(bracketWidthProblem(t), t).not.toBeNull();
    for (const t of ['(1)', '12,345.60', '（1）', 'abc']) expect(bracketWidthProblem(t), t).toBeNull();
    const t = table([['1', '武汉经开区（汉南区）', '5']], ['序号', '名称', '预算数'], () => 0.99);
    expect(ocrConfidenceRule.run(input(t)).findings.map((f) => f.actual)).toEqual(['武汉经开区（汉南区）']);
    const digital = table([['1', '武汉经开区（汉南区）', '5']], ['序号', '名称', '预算数'], () => 1);
    expect(ocrConfidenceRule.run(input(digital)).findings).toEqual([]);
  });
});

describe('doubts and total rows', () => {
  it('flags a cell whose reading the engine or its geometry doubts; a 合计 label in the 序号 column is fine', () => {
    const t = table([['1', '六家村', '5'], ['合 计', '', '5']], ['序号', '名称', '预算数'], () => 0.99);
    t.cells.find((c) => c.row === 0 && c.col === 1)!.doubts = ['“家”与“村”之间有字迹但未识别出字（可能漏字）'];
    const out = ocrConfidenceRule.run(input(t));
    expect(out.findings.map((f) => f.actual)).toEqual(['六家村']);
    expect(out.findings[0]!.message).toContain('可能漏字');
  });
});

describe('threshold per engine', () => {
  it('holds tesseract cells to 0.93 and PP-OCR cells to 0.9 (document.json pages[].engine)', () => {
    const t = table([['1', '甲', '5']], ['序号', '名称', '预算数'], (_, c) => (c === 1 ? 0.92 : 0.99));
    const withEngine = (engine: 'ppocr' | 'tesseract'): CheckInput => ({ ...input(t), document: { pages: [{ page: 2, method: 'ocr', width: 595, height: 842, rotate: 0, confidence: 0.9, reasons: ['no text'], engine }] } as unknown as CheckInput['document'] });
    expect(ocrConfidenceRule.run(withEngine('ppocr')).findings).toEqual([]);
    expect(ocrConfidenceRule.run(withEngine('tesseract')).findings.map((f) => f.actual)).toEqual(['甲']);
  });
});

describe('stray symbols', () => {
  it('sends a cell with a symbol no notice prints to review', async () => {
    const { strayCharProblem } = await import('../../src/checks/rules/ocrConfidence.ts');
    expect(strayCharProblem('高坪村引[水渠清淤及取水口防护工程')).toContain('[');
    for (const t of ['高坪村引水渠', '12,345.60', '（含3组）', '《结对表》', '95.7%']) expect(strayCharProblem(t), t).toBeNull();
  });

  it("keeps '<', '≤', '>' that are content: a range expression, an interval, a symbol recurring down its column", async () => {
    const { strayCharProblem } = await import('../../src/checks/rules/ocrConfidence.ts');
    // pdfplumber issue-336 rasterised: every '<' of the ranges was flagged as a speck
    for (const t of ['60000≤Q<80000', '20<μ≤30', 'μ>40', 'Q<15000', '10 < μ ≤ 20', '[4.0-10.0]', '[0-0.06]']) expect(strayCharProblem(t), t).toBeNull();
    // a lone '<' glued to a name, or a range symbol inside Han text, is still a speck
    for (const t of ['高坪村<水渠', '<2368', '甲<乙类项目']) expect(strayCharProblem(t), t).not.toBeNull();
    // '<5%' on its own is ambiguous; recurring down its column it is the column's content
    expect(strayCharProblem('<5%')).not.toBeNull();
    expect(strayCharProblem('<5%', ['<3%', '<10%', '8%'])).toBeNull();
    // what a ruling line leaves stays a remnant however often it recurs
    expect(strayCharProblem('|六家村', ['|五家村', '|七家村'])).not.toBeNull();
  });

  it('on a table of ranges read by OCR, flags only the cell that is really unsure', () => {
    const rows = [['八', '60000≤Q<80000', '20<μ≤30'], ['六', '45000≤Q<60000', '20<μ≤30'], ['二', 'Q<15000', '2O<μ≤30']];
    const t = table(rows, ['车道数', '路段交通量', '大型车比例'], (r, c) => (r === 2 && c === 2 ? 0.6 : 0.97));
    expect(ocrConfidenceRule.run(input(t)).findings.map((f) => f.actual)).toEqual(['2O<μ≤30']);
  });
});
