/**
 * Captions of a table: the title line(s) and the unit line ('单位：万元') just above it.
 * PDF points, top-left origin.
 *
 * Walking up from the table top, nearest line first, each line within `captionMaxGap` × its font
 * size of the table (or of the caption line below it):
 *  - a unit line (starts with '单位：' or '（单位：', or holds '单位：…' in the right half of the
 *    table) sets `unit`;
 *  - a title-like line (centred on the table or the text column within
 *    `captionCentreTolerance` × font size, at least `captionMinMargin` × font size free on both
 *    sides — a justified prose line has none on the right —, not ending like a sentence '。；，')
 *    becomes (part of) the title; up to 3 lines. A centred line
 *    ending with '：' is taken only as the sole title line;
 *  - an issuer line ('部门：某某厅', '编制部门：…', '部门名称：…', '单位名称：…'), on its own or
 *    sharing the line with the unit ('部门：某某厅    单位：万元') or printed right after the title
 *    ('收支预算总表部门：某某厅单位：万元', one text line), sets `issuer` (and `unit`, and the title
 *    from what precedes the label);
 *  - a table number label between the title and the table ('公开表一', '公开02表', '表3') is
 *    passed over when a title stands above it; '公开03表：标题' at the left margin is a title;
 *  - right over an issuer line, a short line that is no sentence is the title wherever it stands
 *    ('二、收入预算总表' at the left margin), and a centred one may stand further off centre;
 *  - right over a unit line, a short line ending like a table's name is the title wherever it
 *    stands ('一、2017年度某某厅收支预算总表' bold at the left margin); above such a margin heading
 *    only its wrapped head joins it (same font, same left edge), never a centred part heading;
 *  - a labelled line (issuer or unit) may stand `LABEL_LINE_GAP` × its font size off; a line whose
 *    centre is above the table's top counts even when the grid's top edge cuts it; wrapped label
 *    tails are joined back first (captionLines.ts);
 *  - a numbered heading at the left margin ('1、资产负债表项目变动的情况及原因', '（三）支出表'),
 *    short and no sentence, right over the table or its unit line, or printed on the unit line's
 *    left ('6、现金流量表        单位：元'), is the title;
 *  - anything else (prose, '附件1' at the left margin, a lead-in ending with '：') stops the walk.
 */
import type { BBox, Line, TableFragment } from '../model/types.ts';
import { itemsToRuns, joinRuns, joinWrapped, tightenCjk } from '../text/spacing.ts';
import { unwrapLabelLines } from './captionLines.ts';
import { centreX, centreY, intersectionArea, unionBoxes } from './geometry.ts';
import type { TableSettings } from './settings.ts';

/** Words that make '…单位：' a unit of measure ('金额单位：元'); '编制单位：' names an office instead. */
const UNIT_PREFIX = '(?:金\\s*额|计\\s*量|货\\s*币|数\\s*量)?';
/** A line that is only a unit statement ('单位：万元', '（金额单位：元）'). */
export const UNIT_LINE = new RegExp(`^[（(]?\\s*${UNIT_PREFIX}单\\s*位\\s*[:：]`);
/** Last characters of the office words before '单位：' ('编制单位', '填报单位', '主管单位', '实施单位'). */
const OFFICE_BEFORE = '(?<![制报管算施任办头设用属])';
const UNIT_ANYWHERE = new RegExp(`[（(]?\\s*${OFFICE_BEFORE}${UNIT_PREFIX}单\\s*位\\s*[:：]\\s*[^\\s）)，。；]+\\s*[）)]?`);
/** The label of an issuer line: the office the table is for ('编制部门：', '部门名称：', '部门：'). */
const ISSUER_LABEL = /(?:编\s*制\s*部\s*门|部\s*门\s*名\s*称|编\s*制\s*单\s*位|填\s*报\s*单\s*位|单\s*位\s*名\s*称|预\s*算\s*单\s*位|主\s*管\s*部\s*门|部\s*门)\s*[:：]\s*/;
/** An issuer is a name, not a sentence: at most this many characters. */
const MAX_ISSUER_CHARS = 40;
/** A title printed on one line with the issuer ('收支预算总表部门：…') is at most this many characters. */
const MAX_GLUED_TITLE_CHARS = 60;
/** Over an issuer line, a title's centre may stand off the table's or column's centre by this share of its width. */
const ISSUER_TITLE_CENTRING = 0.12;
/** A title printed after the table's number at the left margin ('公开03表：支出预算总表'), kept as printed. */
const LABELLED_TITLE = /^(?:(?:公开|预算公开|附)?表\s*[0-9０-９一二三四五六七八九十]+|公开\s*[0-9０-９一二三四五六七八九十]+\s*表)\s*[:：]\s*\S/;
/** A table's number printed as a label by its caption ('公开表一', '公开02表', '表3', '附表 2'). */
const TABLE_LABEL = /^(?:公开|预算公开|附)?表\s*[0-9０-９一二三四五六七八九十]+\s*$|^公开\s*[0-9０-９一二三四五六七八九十]+\s*表$/;
/** After an issuer label any '单位：…' is the unit, even right after the name ('…办公厅单位：万元'). */
const UNIT_AFTER_ISSUER = new RegExp(`[（(]?\\s*${UNIT_PREFIX}单\\s*位\\s*[:：]\\s*[^\\s）)，。；]+\\s*[）)]?`);
/** Lines of one wrapped title stand at most this × font size apart (gap between boxes). */
const WRAPPED_TITLE_GAP = 0.8;
/**
 * A labelled caption line ('部门：…', '单位：…') may stand this × its font size off the table or the
 * caption line below it (spreadsheet tables print their small label row well above the grid).
 */
const LABEL_LINE_GAP = 6;
/** Ends like a table's name: '…总表', '…预算表（功能科目）'. */
export const TABLE_NAME_END = /表(?:[（(][^（()）]*[）)])?$/;
const SENTENCE_END = /[。；，,;！？!?]$/;
/** A heading's number: '1、', '6.', '（三）', '二、', '(2)'. */
const HEADING_NUMBER = /^(?:[0-9０-９]{1,2}\s*[、.．](?![0-9０-９])|[（(]\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*、)/;
/** A numbered heading taken as a title has at most this many characters. */
const MAX_HEADING_CHARS = 40;
const MAX_TITLE_LINES = 3;

/** The unit as printed without brackets and spaces: '（单位：万元）' → '单位：万元'. */
export function unitOf(text: string): string | undefined {
  const m = UNIT_ANYWHERE.exec(text);
  if (!m) return undefined;
  return m[0].replace(/[\s（）()]/g, '');
}

/** What a caption line holding an issuer label says: the text before the label (a glued title), the issuer, the unit after it. */
export interface IssuerCaption {
  before: string;
  issuer: string;
  unit: string | undefined;
}

/**
 * Reads an issuer caption ('部门：某某厅 单位：万元', '收支预算总表部门：某某厅') from one line of
 * text, or undefined when the line is no such caption (no label, a sentence, an over-long name).
 */
export function issuerCaptionOf(text: string): IssuerCaption | undefined {
  const m = ISSUER_LABEL.exec(text);
  if (!m || SENTENCE_END.test(text)) return undefined;
  const before = text.slice(0, m.index).trim();
  // a title glued before the label ends like a table's name ('…总表', '…（按经济分类）'), not '各部门：'
  if (before !== '' && (!/[表）)]$/.test(before) || Array.from(before).length > MAX_GLUED_TITLE_CHARS)) return undefined;
  const rest = text.slice(m.index + m[0].length);
  const u = UNIT_AFTER_ISSUER.exec(rest);
  const issuer = tightenCjk((u ? rest.slice(0, u.index) : rest).trim()).replace(/\s+/g, '');
  if (Array.from(issuer).length > MAX_ISSUER_CHARS || /[，。；,;]/.test(issuer)) return undefined;
  return { before, issuer, unit: u ? u[0].replace(/[\s（）()]/g, '') : undefined };
}

/** Horizontal extent of the page's text column (lines and tables together). */
export interface TextColumn {
  x0: number;
  x1: number;
}

/** A caption line's text from its items (spaces where the gap > `cellSpaceRatio` em, none between CJK). */
function lineText(line: Line, s: TableSettings): string {
  if (line.items.length === 0) return tightenCjk(line.text);
  return tightenCjk(joinRuns(itemsToRuns(line.items), s.cellSpaceRatio));
}

/**
 * Whether the line right over an issuer line is the table's heading wherever it stands ('二、收入预算总表'
 * at the left margin): short, not a sentence, not a lead-in ending with '：', not a unit line.
 */
function isHeadingOverIssuer(text: string): boolean {
  return text !== '' && Array.from(text).length <= MAX_GLUED_TITLE_CHARS && !SENTENCE_END.test(text) && !/[:：]$/.test(text) && !UNIT_LINE.test(text);
}

/**
 * Whether a line reads as a title: centred (see the file comment). Over an issuer line
 * (`overIssuer`), whose presence already says a caption is here, 'centred' is looser: within
 * `ISSUER_TITLE_CENTRING` of the width (titles typed in Excel and centred over merged cells).
 */
function isTitleLike(line: Line, text: string, table: BBox, column: TextColumn, s: TableSettings, overIssuer = false): boolean {
  if (text === '' || SENTENCE_END.test(text) || UNIT_LINE.test(text)) return false;
  const fs = line.fontSize > 0 ? line.fontSize : 10;
  const margin = s.captionMinMargin * fs;
  if (line.bbox.x0 - column.x0 < margin || column.x1 - line.bbox.x1 < margin) return false;
  const cx = centreX(line.bbox);
  const share = overIssuer ? ISSUER_TITLE_CENTRING : 0.03;
  const tol = (w: number): number => Math.max(s.captionCentreTolerance * fs, share * w);
  const onTable = Math.abs(cx - centreX(table)) <= tol(table.x1 - table.x0);
  const onColumn = Math.abs(cx - (column.x0 + column.x1) / 2) <= tol(column.x1 - column.x0);
  return onTable || onColumn;
}

/**
 * Whether `line` is the first line(s) of a title wrapped over `below` (the title line under it,
 * already taken as title-like: centred): it fills the text column to its right edge, is printed
 * in the same font size, stands a line gap above, and does not end like a sentence.
 */
function isWrappedTitleHead(line: Line, text: string, below: Line | undefined, column: TextColumn, s: TableSettings): boolean {
  if (below === undefined || text === '' || SENTENCE_END.test(text) || /[:：]$/.test(text) || UNIT_LINE.test(text)) return false;
  const fs = line.fontSize > 0 ? line.fontSize : 10;
  if (Math.abs(fs - below.fontSize) > 0.1 * fs) return false;
  if (below.bbox.top - line.bbox.bottom > WRAPPED_TITLE_GAP * fs) return false;
  if (column.x1 - line.bbox.x1 <= s.captionMinMargin * fs && line.bbox.x0 - column.x0 <= 2.5 * fs) return true;
  // a heading wrapped at the left margin: both lines start at one x, the head the longer, ending short of the edge by < 2 characters
  return Math.abs(line.bbox.x0 - below.bbox.x0) <= 0.5 * fs && line.bbox.x1 >= below.bbox.x1 && column.x1 - line.bbox.x1 <= 2 * fs;
}

/**
 * Whether `text` (printed at `x0`, PDF points) is a numbered heading at the left margin of the
 * text column: '1、…', '（三）…', short, no sentence, no lead-in ending with '：'.
 */
function isNumberedHeading(text: string, x0: number, fontSize: number, column: TextColumn): boolean {
  const t = text.trim();
  return (
    HEADING_NUMBER.test(t) &&
    Array.from(t.replace(/\s+/g, '')).length <= MAX_HEADING_CHARS &&
    !SENTENCE_END.test(t) &&
    !/[:：]$/.test(t) &&
    !UNIT_ANYWHERE.test(t) &&
    x0 - column.x0 <= 2.5 * fontSize
  );
}

function isUnitLine(line: Line, text: string, table: BBox): boolean {
  if (UNIT_LINE.test(text)) return true;
  if (!UNIT_ANYWHERE.test(text)) return false;
  // '单位：万元' printed at the right, possibly on one line with something else
  const unitItems = line.items.filter((it) => /单|位|[:：]/.test(it.text));
  const x = unitItems.length > 0 ? Math.min(...unitItems.map((it) => it.bbox.x0)) : line.bbox.x0;
  return x >= centreX(table);
}

/**
 * Finds the caption of `fragment` among `candidates` (lines outside every table, any order) and
 * returns the fragment with `title`, `unit`, `captionBoxes` filled in. Lines in `consumed` are
 * skipped and the lines taken are added to it. `ceiling` is the y above which nothing belongs to
 * this table (the bottom of a table above it).
 */
export function attachCaption<F extends TableFragment>(
  fragment: F,
  candidates: readonly Line[],
  column: TextColumn,
  consumed: Set<Line>,
  ceiling: number,
  s: TableSettings,
): F {
  const table = fragment.bbox;
  // a line cut by the table's top edge (its lower half hidden under the grid) still stands above it
  const above = unwrapLabelLines(candidates, s.cellSpaceRatio)
    .filter((l) => centreY(l.bbox) <= table.top && l.bbox.top >= ceiling && l.bbox.x1 > table.x0 - 1 && l.bbox.x0 < table.x1 + 1)
    .sort(nearestFirst);
  let refTop = table.top;
  const titleLines: { line: Line; text: string }[] = [];
  const labels: Line[] = [];
  let unit = fragment.unit;
  let issuer = fragment.issuer;
  const boxes: BBox[] = [...fragment.captionBoxes];
  const taken: Line[] = [];
  let title = fragment.title;
  /** the last caption line taken was a unit line (a heading at the left margin may stand over it) */
  let overUnit = false;
  /** the title's lowest line is a heading at the margin, not centred: only its wrapped head may join it */
  let marginHeading = false;
  for (const line of above) {
    const fs = line.fontSize > 0 ? line.fontSize : 10;
    const text = lineText(line, s);
    const cap = title === undefined && titleLines.length === 0 && issuer === undefined ? issuerCaptionOf(text) : undefined;
    const labelled = cap !== undefined || (unit === undefined && isUnitLine(line, text, table));
    if (refTop - line.bbox.bottom > (labelled ? LABEL_LINE_GAP : s.captionMaxGap) * fs || consumed.has(line)) break;
    if (cap !== undefined) {
      const name = cap.issuer !== '' ? cap.issuer : sameRowText(line, above, consumed, s);
      if (name !== '') issuer = name;
      if (unit === undefined && cap.unit !== undefined) unit = cap.unit;
      refTop = line.bbox.top;
      overUnit = false;
      if (cap.before !== '' && !TABLE_LABEL.test(cap.before.replace(/\s+/g, ''))) {
        titleLines.unshift({ line, text: cap.before });
        continue;
      }
      boxes.push(line.bbox);
      taken.push(line);
      continue;
    }
    if (unit === undefined && isUnitLine(line, text, table)) {
      unit = unitOf(text);
      const unitItems = UNIT_LINE.test(text) ? line.items : line.items.filter((it) => it.bbox.x0 >= centreX(table));
      const box = unitItems.length > 0 && unitItems.length < line.items.length ? boxOf(unitItems.map((i) => i.bbox)) : line.bbox;
      boxes.push(box);
      taken.push(line);
      refTop = line.bbox.top;
      overUnit = titleLines.length === 0;
      const left = line.items.filter((it) => it.bbox.x1 <= box.x0 + 0.5);
      if (title === undefined && titleLines.length === 0 && left.length > 0 && left.length < line.items.length) {
        const leftPart: Line = { ...line, items: left, bbox: boxOf(left.map((i) => i.bbox)) };
        const head = lineText(leftPart, s);
        if (isNumberedHeading(head, leftPart.bbox.x0, fs, column)) {
          titleLines.unshift({ line: { ...leftPart, text: head }, text: head });
          break;
        }
      }
      continue;
    }
    if (title !== undefined || titleLines.length >= MAX_TITLE_LINES) break;
    if (marginHeading) {
      if (!isWrappedTitleHead(line, text, titleLines[0]?.line, column, s)) break;
      titleLines.unshift({ line, text });
      refTop = line.bbox.top;
      continue;
    }
    if (titleLines.length === 0 && TABLE_LABEL.test(text.replace(/\s+/g, ''))) {
      labels.push(line);
      refTop = line.bbox.top;
      continue;
    }
    if (titleLines.length === 0 && LABELLED_TITLE.test(text) && !SENTENCE_END.test(text)) {
      titleLines.unshift({ line, text });
      break;
    }
    const overIssuer = issuer !== undefined && titleLines.length === 0;
    // right over the issuer line, or over the unit line when it ends like a table's name ('一、…收支预算总表')
    if ((overIssuer || (overUnit && titleLines.length === 0 && TABLE_NAME_END.test(text))) && isHeadingOverIssuer(text)) {
      titleLines.unshift({ line, text });
      refTop = line.bbox.top;
      marginHeading = !isTitleLike(line, text, table, column, s, overIssuer);
      continue;
    }
    if (titleLines.length === 0 && isNumberedHeading(text, line.bbox.x0, fs, column)) {
      titleLines.unshift({ line, text });
      break;
    }
    if (!isTitleLike(line, text, table, column, s, overIssuer) && !isWrappedTitleHead(line, text, titleLines[0]?.line, column, s)) break;
    if (/[:：]$/.test(text)) {
      if (titleLines.length === 0) titleLines.unshift({ line, text });
      break;
    }
    titleLines.unshift({ line, text });
    refTop = line.bbox.top;
  }
  if (titleLines.length > 0) taken.push(...labels);
  for (const l of labels) if (titleLines.length > 0) boxes.push(l.bbox);
  for (const { line } of titleLines) {
    boxes.push(line.bbox);
    taken.push(line);
  }
  for (const l of taken) consumed.add(l);
  const out: F = { ...fragment, captionBoxes: boxes };
  if (titleLines.length > 0) {
    const texts = titleLines.map((l) => l.text);
    const glued = texts.map(unitOf).find((u) => u !== undefined);
    if (unit === undefined) unit = glued;
    title = tightenCjk(joinWrapped(texts.map(withoutUnit)));
    out.titleBox = unionBoxes(titleLines.map((l) => l.line.bbox))!;
  }
  if (title !== undefined) out.title = title;
  if (unit === undefined) unit = unitInHeader(fragment);
  if (unit !== undefined) out.unit = unit;
  if (issuer !== undefined) out.issuer = issuer;
  return out;
}

/**
 * Order of caption candidates walking up from a table: lower lines first; lines on one row (centres
 * within half a font size) from the right, so a unit printed at the right ('单位：元') is read before
 * the heading at the left of its row.
 */
function nearestFirst(a: Line, b: Line): number {
  const half = 0.5 * Math.min(a.fontSize > 0 ? a.fontSize : 10, b.fontSize > 0 ? b.fontSize : 10);
  if (Math.abs(centreY(a.bbox) - centreY(b.bbox)) < half) return b.bbox.x0 - a.bbox.x0;
  return b.bbox.bottom - a.bbox.bottom;
}

/** Text of the other candidate lines on the same row as `line` (an issuer label whose name was set apart), units left out. */
function sameRowText(line: Line, candidates: readonly Line[], consumed: Set<Line>, s: TableSettings): string {
  const mid = (line.bbox.top + line.bbox.bottom) / 2;
  return candidates
    .filter((l) => l !== line && !consumed.has(l) && l.bbox.x0 > line.bbox.x0 && l.bbox.top < mid && l.bbox.bottom > mid)
    .sort((a, b) => a.bbox.x0 - b.bbox.x0)
    .map((l) => withoutUnit(lineText(l, s)))
    .join('')
    .replace(/\s+/g, '');
}

/** A title line's text without a unit printed on it ('2024年收支表（单位：万元）' → '2024年收支表'). */
function withoutUnit(text: string): string {
  return text.replace(UNIT_ANYWHERE, '').trim();
}

function boxOf(boxes: BBox[]): BBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    top: Math.min(...boxes.map((b) => b.top)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}

/** '单位：万元' written in a header cell ('金额（单位：万元）'). */
function unitInHeader(f: TableFragment): string | undefined {
  for (let r = 0; r < f.rows.length && f.rowKinds[r] === 'header'; r++) {
    for (const t of f.rows[r]!) {
      const u = unitOf(t);
      if (u !== undefined) return u;
    }
  }
  return undefined;
}

/** Whether a line is (mostly) one of the caption boxes. */
export function isCaptionLine(line: Line, boxes: readonly BBox[]): boolean {
  const area = Math.max((line.bbox.x1 - line.bbox.x0) * (line.bbox.bottom - line.bbox.top), 1e-6);
  let covered = 0;
  for (const b of boxes) covered += intersectionArea(line.bbox, b);
  return covered >= 0.5 * area;
}
