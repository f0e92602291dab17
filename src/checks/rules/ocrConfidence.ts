/**
 * ocr.low-confidence: the clerk's review queue for OCR'd tables (issue #4). A cell read by OCR
 * (confidence < 1; text-layer cells have 1 and are never looked at) is flagged when its confidence
 * is below the threshold, when the engine or the cell's geometry doubts it (a character that seems
 * dropped: cell.doubts), or when its text fails its column's type: a 序号 column cell that is not
 * an integer, an amount column cell that does not parse as an amount. Column types come from the
 * header and from the majority of the column's body cells. A bracket beside Han is also sent to
 * review: on the page an ASCII '(' after a space looks like a full-width '（' (both leave half an em
 * blank before the stroke), so the image cannot tell which one was printed.
 */
import type { CheckInput, Rule, RuleResult } from '../../model/check.ts';
import type { Cell, Table } from '../../model/types.ts';
import { cellEvidence } from '../evidence.ts';
import { Tally } from '../context.ts';
import { totalLabelKind } from '../tables.ts';
import { isEmptyValue, parseAmount, parseInteger } from '../../text/numbers.ts';

export const OCR_CONFIDENCE_RULE = 'ocr.low-confidence';

export interface OcrConfidenceSettings {
  /** an OCR'd cell below this confidence goes to review. @default 0.9 */
  readonly minConfidence: number;
  /**
   * per engine (document.json pages[].engine), instead of minConfidence. Calibrated on scans of
   * pages never used for tuning (scripts/ocr-eval): PP-OCR 0.9 (with the doubts, every wrong cell
   * flagged, 4.6% of right ones); tesseract 0.93 (its confidence separates badly: 0.9 lets 3% of
   * its wrong cells through, 0.93 almost none, at the cost of flagging most right cells).
   */
  readonly minConfidenceByEngine: Readonly<Record<string, number>>;
  /** share of a column's non-empty body cells that must parse for the column to take that type. @default 0.7 */
  readonly majority: number;
}

export const DEFAULT_OCR_CONFIDENCE: OcrConfidenceSettings = { minConfidence: 0.9, minConfidenceByEngine: { ppocr: 0.9, tesseract: 0.93 }, majority: 0.7 };

export type ColumnType = 'sequence' | 'amount' | 'text';

const SEQ_HEADER = /^(序号|编号|序)$/;
const AMOUNT_HEADER = /(金额|万元|（元）|\(元\)|预算数|数额|资金数|合计|小计)$/;

/** The type of column `col`: from its header, else from the majority of its body cells. */
export function columnType(table: Table, col: number, s: OcrConfidenceSettings = DEFAULT_OCR_CONFIDENCE): ColumnType {
  const header = (table.header[col] ?? '').replace(/\s+/g, '').split('/').pop() ?? '';
  if (SEQ_HEADER.test(header)) return 'sequence';
  if (AMOUNT_HEADER.test(header)) return 'amount';
  const values = table.rows.filter((_, r) => table.rowKinds[r] === 'body').map((row) => (row[col] ?? '').trim()).filter((v) => !isEmptyValue(v));
  if (values.length < 3) return 'text';
  const ints = values.map((v) => parseInteger(v));
  if (ints.filter((n) => n !== null).length >= s.majority * values.length) {
    // small integers going up by one per row (a misread row in between keeps the step)
    let seq = 0;
    let last: { i: number; n: number } | null = null;
    ints.forEach((n, i) => {
      if (n === null) return;
      if (last && n === last.n + (i - last.i)) seq++;
      last = { i, n };
    });
    if (seq >= s.majority * (ints.filter((n) => n !== null).length - 1)) return 'sequence';
  }
  if (values.filter((v) => parseAmount(v) !== null).length >= s.majority * values.length) return 'amount';
  return 'text';
}

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
const BRACKET_BESIDE_HAN = new RegExp(`[${HAN}]\\s*[（(]|[（(]\\s*[${HAN}]|[${HAN}]\\s*[)）]|[)）]\\s*[${HAN}]`, 'u');

/** A bracket standing beside Han, whose width (ASCII or full-width) a scan cannot show. */
export function bracketWidthProblem(text: string): string | null {
  return BRACKET_BESIDE_HAN.test(text) ? '括号的全角/半角无法从图像确定（半角括号加空格与全角括号外观相同）' : null;
}

/** ASCII symbols a 公文 table does not print, which an engine makes of a speck or a border remnant. */
const STRAY = /[[\]{}|\\_~`^<>]/gu;
/** What a ruling line leaves when read as text: never content, however often it recurs. */
const RULE_REMNANT = /[|_[\]]/u;

/** A number ('60000', '0.5', '95%') or a short variable name ('Q', 'μ') in a comparison. */
const OPERAND = '(?:[-+]?\\d+(?:[.,]\\d+)*%?|[A-Za-z\\u0391-\\u03c9\\u00b5]{1,3})';
const COMPARISON = '[<>≤≥＜＞⩽⩾]=?';
/** A whole cell that is a comparison or range: '60000≤Q<80000', '20<μ≤30', 'μ>40', 'Q<15000'. */
const RANGE_EXPRESSION = new RegExp(`^${OPERAND}(?:${COMPARISON}${OPERAND})+$`, 'u');
/** A whole cell that is an interval in brackets: '[4.0-10.0]', '[0-0.06]'. */
const INTERVAL = /^\[[-+]?\d+(?:\.\d+)?[-–~～,，][-+]?\d+(?:\.\d+)?[\])]$/u;

/** Cells of the same column that a symbol must also appear in to count as that column's content. @default 2 */
const RECURRING_CELLS = 2;

/**
 * A symbol no notice prints in a cell ('高坪村引[水渠'): a misread speck. A symbol is content, not a
 * speck, when the cell is a comparison or range expression ('60000≤Q<80000', '[4.0-10.0]'), or when
 * it recurs in `RECURRING_CELLS` other cells of its column (`column`: the other cells' texts) —
 * unless it is what a ruling line leaves ('|', '_', '[', ']').
 */
export function strayCharProblem(text: string, column: readonly string[] = []): string | null {
  const t = text.replace(/\s+/gu, '');
  if (RANGE_EXPRESSION.test(t) || INTERVAL.test(t)) return null;
  for (const m of t.matchAll(STRAY)) {
    const ch = m[0];
    if (!RULE_REMNANT.test(ch) && column.filter((other) => other.includes(ch)).length >= RECURRING_CELLS) continue;
    return `含有公文表格中不会出现的符号“${ch}”（可能是污点或表格线的残留）`;
  }
  return null;
}

/** Why an OCR'd cell needs review, or null; `column`: the texts of the other cells of its column. */
export function cellProblem(cell: Cell, type: ColumnType, bodyRow: boolean, s: OcrConfidenceSettings, column: readonly string[] = []): string | null {
  const reasons: string[] = [];
  if (cell.confidence < s.minConfidence) reasons.push(`识别置信度 ${cell.confidence.toFixed(2)} 低于 ${s.minConfidence}`);
  const text = cell.text.trim();
  for (const d of cell.doubts ?? []) reasons.push(d);
  if (bodyRow && text !== '' && !isEmptyValue(text)) {
    // a total row puts its label in the 序号 column ('合计')
    if (type === 'sequence' && parseInteger(text) === null && totalLabelKind(text) === null) reasons.push('序号列的内容不是整数');
    if (type === 'amount' && parseAmount(text) === null) reasons.push('金额列的内容不是有效数字');
  }
  const bracket = bracketWidthProblem(text);
  if (bracket) reasons.push(bracket);
  const stray = strayCharProblem(text, column);
  if (stray) reasons.push(stray);
  return reasons.length === 0 ? null : reasons.join('；');
}

const NUMBERED = /^([一二三四五六七八九十]+)([、．.])/;
const NUMERAL_THEN_HAN = /^[一二三四五六七八九十]+[\u4e00-\u9fff]/;

/** The mark most section rows of the table put after their Chinese numeral ('一、…'), if any. */
function sectionNumbering(table: Table): string | null {
  const marks = table.rows.filter((_, r) => table.rowKinds[r] === 'section').map((row) => NUMBERED.exec(row[0] ?? '')?.[2]).filter((m) => m !== undefined);
  return marks.length === 0 ? null : marks.sort((a, b) => marks.filter((x) => x === b).length - marks.filter((x) => x === a).length)[0]!;
}

/** A section row whose numeral lacks the mark its siblings carry ('一黄陂区…' beside '二、…'): a lost '、'. */
export function sectionProblem(text: string, mark: string | null): string | null {
  if (mark === null || NUMBERED.test(text) || !NUMERAL_THEN_HAN.test(text)) return null;
  return `分组行的编号后缺少“${mark}”（同表其他分组行有）`;
}

function run(input: CheckInput, s: OcrConfidenceSettings = DEFAULT_OCR_CONFIDENCE): RuleResult {
  const tally = new Tally();
  for (const table of input.tables) {
    const ocrCells = table.cells.filter((c) => c.confidence < 1);
    if (ocrCells.length === 0) continue;
    const types = Array.from({ length: table.columns }, (_, c) => columnType(table, c, s));
    const sectionMark = sectionNumbering(table);
    for (const cell of ocrCells) {
      const engine = input.document.pages?.find((p) => p.page === cell.page)?.engine;
      const threshold = (engine && s.minConfidenceByEngine[engine]) || s.minConfidence;
      const bodyRow = cell.row >= 0 && table.rowKinds[cell.row] === 'body';
      const sectionRow = cell.row >= 0 && table.rowKinds[cell.row] === 'section' && cell.col === 0;
      const column = table.cells.filter((o) => o.col === cell.col && o !== cell).map((o) => o.text);
      const problems = [cellProblem(cell, types[cell.col] ?? 'text', bodyRow, { ...s, minConfidence: threshold }, column), sectionRow ? sectionProblem(cell.text, sectionMark) : null].filter((x) => x !== null);
      const why = problems.length === 0 ? null : problems.join('；');
      if (why === null) {
        tally.pass();
        continue;
      }
      const where = cell.row < 0 ? '表头' : `第 ${cell.row + 1} 行第 ${cell.col + 1} 列`;
      tally.fail({
        rule: OCR_CONFIDENCE_RULE,
        severity: 'warning',
        message: `表格${table.title ? `“${table.title}”` : ` ${table.id}`}${where}的 OCR 识别结果“${cell.text}”需要人工核对：${why}`,
        expected: null,
        actual: cell.text,
        evidence: [cell.row < 0 ? { page: cell.page, bbox: { ...cell.bbox }, text: cell.text } : cellEvidence(table, cell.row, cell.col)],
      });
    }
  }
  return tally.result();
}

export const ocrConfidenceRule: Rule = {
  id: OCR_CONFIDENCE_RULE,
  severity: 'warning',
  description: 'OCR 识别的表格单元格：置信度低或内容不符合所在列的类型（序号、金额）的，列入人工核对',
  run: (input) => run(input),
};
