/**
 * The scanned-page path of issue #4 for one page: page raster → deskew → ruling lines and OCR lines
 * in the deskewed raster's own frame (px·72/dpi points, top-left origin) → the born-digital table
 * detectors (lattice / stream) on that synthetic page → lattice cells re-read one by one from
 * their crops → every box mapped back to PDF points of the displayed page (raster.toPoints).
 */
import type { BBox, Cell, Line, PageContent, PageInfo, RulingLine, TableFragment, TextItem } from '../model/types.ts';
import type { OcrEngine, OcrLine } from '../ocr/types.ts';
import type { GrayImage, PageRaster, PixelBox } from '../raster/types.ts';
import { deskew } from '../raster/skew.ts';
import { rasterToRulings } from '../raster/rulings.ts';
import { clampBox, cropGray, insetCellBox, isBlank } from '../raster/crop.ts';
import { applyAffine, invertAffine, pixelBoxToBBox, rasterAffine } from '../raster/transform.ts';
import { foldOcrText } from '../ocr/fold.ts';
import { normaliseText } from '../text/normalise.ts';
import { joinWrapped, tidyCell } from '../text/spacing.ts';
import { readLineGeometry, restoreWordGaps } from '../ocr/lineGeometry.ts';
import { repairThousands, unifyDigitWidth } from '../ocr/digits.ts';
import { itemsToLines } from '../layout/index.ts';
import { defaultTableSettings, pageToFragments } from '../tables/index.ts';
import { headerRowCount, rowsToKinds } from '../tables/rowKinds.ts';
import { centreX, centreY, containsPoint, intersectionArea } from '../tables/geometry.ts';
import { pageReadingHolds } from './cellReading.ts';

export interface OcrPageSettings {
  /** extra margin inside a cell's ruling lines when cropping it, px. @default 2 */
  readonly cellMarginPx: number;
  /** re-read lattice cells one by one from their crops. @default true */
  readonly readCells: boolean;
  /** 'both' pages: an OCR line whose box is covered this much by text-layer items is dropped (0..1). @default 0.4 */
  readonly textLayerCover: number;
  /**
   * A lattice table whose cells, read one by one, average below this confidence and whose row
   * edges cut through the middle of a line the page's own OCR read confidently is no table: its
   * grid was found in the strokes of the glyphs (boxes of a render without the font) and cuts the
   * text into garbage; its text stays prose, as the page read it. (A real table: each line of text
   * within one row; PP-OCR reads its cells at ≥ 0.85, tesseract at ~0.6.) @default 0.6
   */
  readonly minTableConfidence: number;
  /** the page's reading of a line counts as confident from this. @default 0.85 */
  readonly gridCutsTextConfidence: number;
  /**
   * A lattice cell is not re-read when the page's reading of it is clean (cellReading.ts): every
   * line in it read at least this confidently, without doubts, inside the cell, covering its ink.
   * Above 1: every cell is re-read. @default 0.97
   */
  readonly keepCellReading: number;
}

export const DEFAULT_OCR_PAGE: OcrPageSettings = { cellMarginPx: 2, readCells: true, textLayerCover: 0.4, minTableConfidence: 0.6, gridCutsTextConfidence: 0.85, keepCellReading: 0.97 };

/** What the OCR of one page gives, everything in PDF points of the displayed page. */
export interface OcrPageResult {
  /** the page with OCR items (source 'ocr') and the ruling lines found in the pixels */
  content: PageContent;
  /** tables found on the page (cells re-read from their crops) */
  fragments: TableFragment[];
  /** mean confidence of the page's items and cells, 0..1 */
  confidence: number;
  skewDegrees: number;
}

/**
 * An engine's confidence as gongwen keeps it: below 1, which marks text-layer items and cells (a
 * float32 probability can round to exactly 1).
 */
export function ocrConfidence(c: number): number {
  return Math.min(Math.max(0, c), 0.9999);
}

/** OCR lines (pixels of the raster) → text items in the raster frame (points = px·72/dpi). */
export function ocrLinesToItems(lines: readonly OcrLine[], page: number, ptPerPx: number, image?: GrayImage): TextItem[] {
  const out: TextItem[] = [];
  for (const l of lines) {
    // the pixels tell full-width digits and word gaps (ocr/lineGeometry.ts)
    const geometry = image ? readLineGeometry(image, l) : { text: l.text, doubts: [] };
    const text = restoreWordGaps(normaliseText(foldOcrText(geometry.text)));
    if (text.trim() === '') continue;
    const bbox = scaleBox(l.bbox, ptPerPx);
    const item: TextItem = { text, orig: l.text, page, bbox, fontSize: Math.max(1, bbox.bottom - bbox.top), source: 'ocr', confidence: ocrConfidence(l.confidence) };
    const doubts = [...(l.doubts ?? []), ...geometry.doubts];
    if (doubts.length > 0) item.doubts = doubts;
    out.push(item);
  }
  return out;
}

/**
 * One page by OCR (see the file comment). `info`: the page's geometry from the text layer reader.
 * `textLayer` (a page read 'both'): its items are kept as they are and OCR only adds what lies
 * outside them (an OCR line mostly over text-layer items is dropped); table cells holding
 * text-layer items keep their text, the others are read from the image.
 */
export async function ocrPage(raster0: PageRaster, info: PageInfo, engine: OcrEngine, settings: Partial<OcrPageSettings> = {}, textLayer: readonly TextItem[] = []): Promise<OcrPageResult> {
  const s = { ...DEFAULT_OCR_PAGE, ...settings };
  const raster = deskew(raster0);
  const ptPerPx = 72 / raster.dpi;
  const page = info.page;
  const rulings = rasterToRulings(raster, { frame: 'raster' }).map((r) => ({ ...r, page }));
  const toLocal = pageToLocal(raster, ptPerPx);
  const kept = textLayer.map((it) => ({ ...it, bbox: toLocal(it.bbox) }));
  const ocred = ocrLinesToItems(await engine.readLines(raster.image), page, ptPerPx, raster.image).filter((it) => coveredShare(it.bbox, kept) < s.textLayerCover && !rereadsTextLayer(it, kept));
  const items = [...kept, ...ocred];
  const local: PageContent = {
    info: { page, width: raster.image.width * ptPerPx, height: raster.image.height * ptPerPx, rotate: 0 },
    items,
    rulings,
  };
  let fragments = pageToFragments(local, itemsToLines(items));
  if (s.readCells) {
    const rulePx = medianWidth(rulings) / ptPerPx;
    for (const f of fragments) {
      if (f.detector !== 'lattice') continue;
      await readFragmentCells(f, raster, engine, { ptPerPx, rulePx, margin: s.cellMarginPx, pageItems: ocred, keepConfidence: s.keepCellReading });
      // the header/body split looks at the text (a numeric cell starts the data): decide it again on the re-read text
      f.rowKinds = rowsToKinds(f.rows.length, headerRowCount(f.rows, f.cells, f.columns, defaultTableSettings), f.cells, f.columns);
    }
  }
  fragments = fragments.filter((f) => f.detector !== 'lattice' || !gridCutsText(f, ocred, s));
  for (const f of fragments) unifyCells(f);
  const toPage = (b: BBox): BBox => pixelBoxToBBox(raster, scaleBox(b, 1 / ptPerPx));
  const confidences = [...ocred.map((i) => i.confidence), ...fragments.flatMap((f) => f.cells.filter((c) => c.confidence < 1).map((c) => c.confidence))];
  return {
    content: {
      info,
      // text-layer items exactly as read, OCR items mapped back to page points
      items: [...textLayer, ...ocred.map((it) => ({ ...it, bbox: toPage(it.bbox) }))],
      rulings: rulings.map((r) => rulingToPage(r, toPage)),
    },
    fragments: fragments.map((f) => fragmentToPage(f, toPage, raster, ptPerPx)),
    confidence: confidences.length === 0 ? (textLayer.length > 0 ? 1 : 0) : confidences.reduce((a, b) => a + b, 0) / confidences.length,
    skewDegrees: raster.skewDegrees,
  };
}

/** Page points (top-left origin) → the deskewed raster's own frame (px·72/dpi points). */
function pageToLocal(raster: PageRaster, ptPerPx: number): (b: BBox) => BBox {
  const inv = invertAffine(rasterAffine(raster));
  return (b) => {
    const pts = [applyAffine(inv, b.x0, b.top), applyAffine(inv, b.x1, b.top), applyAffine(inv, b.x0, b.bottom), applyAffine(inv, b.x1, b.bottom)];
    const xs = pts.map((p) => p.x * ptPerPx);
    const ys = pts.map((p) => p.y * ptPerPx);
    return { x0: Math.min(...xs), top: Math.min(...ys), x1: Math.max(...xs), bottom: Math.max(...ys) };
  };
}

/** Share of `b`'s area covered by the boxes of `items` (overlaps between them not deducted; at most 1). */
/**
 * Whether an OCR line reads again what text-layer items inside it say: their characters (centres in
 * its box, spaces left out) appear in its text in order and make up at least half of it ('2021 3 31'
 * in the layer, '2021年3月31日' read). The layer's reading is kept; a second copy would double the line.
 */
function rereadsTextLayer(line: TextItem, layer: readonly TextItem[]): boolean {
  const inside = layer.filter((it) => containsPoint(line.bbox, centreX(it.bbox), centreY(it.bbox)));
  const want = Array.from(inside.sort((a, b) => a.bbox.x0 - b.bbox.x0).map((it) => it.text).join('').replace(/\s+/g, ''));
  const got = Array.from(line.text.replace(/\s+/g, ''));
  if (want.length === 0 || 2 * want.length < got.length) return false;
  let i = 0;
  for (const ch of got) if (i < want.length && ch === want[i]) i++;
  return i === want.length;
}

function coveredShare(b: BBox, items: readonly { bbox: BBox }[]): number {
  const area = Math.max(1e-9, (b.x1 - b.x0) * (b.bottom - b.top));
  const covered = items.reduce((n, it) => n + intersectionArea(b, it.bbox), 0);
  return Math.min(1, covered / area);
}

/** How the cells of a lattice fragment are cut out and when the page's reading of one is kept. */
interface CellReadOptions {
  /** points per raster pixel (72/dpi) */
  ptPerPx: number;
  /** ruling thickness, px */
  rulePx: number;
  /** extra margin inside the rulings, px */
  margin: number;
  /** the page's own OCR items (raster frame, points) */
  pageItems: readonly TextItem[];
  /** OcrPageSettings.keepCellReading */
  keepConfidence: number;
}

/**
 * Re-reads the cells of a lattice fragment from their crops: text and confidence (min line
 * confidence). A cell whose page-level reading is clean (cellReading.ts) keeps it: reading it again
 * costs a detection and a recognition and gives the same text.
 */
async function readFragmentCells(f: TableFragment, raster: PageRaster, engine: OcrEngine, o: CellReadOptions): Promise<void> {
  const { width, height } = raster.image;
  const { ptPerPx } = o;
  for (const cell of f.cells) {
    if (cell.confidence >= 1 && cell.text.trim() !== '') continue; // text from the text layer ('both' pages)
    const box = clampBox(insetCellBox(scaleBox(cell.bbox, 1 / ptPerPx, true), o.rulePx / 2, o.margin), width, height);
    if (box.x1 - box.x0 < 2 || box.bottom - box.top < 2) continue;
    const crop = cropGray(raster.image, box);
    if (pageReadingHolds(cell.bbox, box, crop, o.pageItems, ptPerPx, o.keepConfidence)) continue;
    let text: string;
    let confidence: number;
    delete cell.doubts; // the page-level reading's doubts no longer apply
    if (isBlank(crop)) {
      text = '';
      confidence = 1;
    } else {
      const lines = await engine.readCell(crop);
      if (lines.length === 0) {
        // ink but nothing read: keep the page-level reading, marked uncertain
        text = cell.text;
        confidence = Math.min(cell.confidence, 0.5);
      } else {
        // a space between two Han words is kept only where the crop shows one (ocr/lineGeometry.ts)
        const geometry = lines.map((l) => readLineGeometry(crop, l));
        text = tidyCell(restoreWordGaps(normaliseText(foldOcrText(joinWrapped(geometry.map((g) => g.text))))));
        confidence = ocrConfidence(Math.min(...lines.map((l) => l.confidence)));
        const doubts = [...lines.flatMap((l) => l.doubts ?? []), ...geometry.flatMap((g) => g.doubts)];
        if (doubts.length > 0) cell.doubts = doubts;
      }
    }
    cell.text = text;
    cell.confidence = confidence;
    const row = f.rows[cell.row];
    if (row && cell.col < row.length) row[cell.col] = text;
  }
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * Whether the grid of `f` cuts text into garbage (OcrPageSettings.minTableConfidence): its OCR'd
 * cells (text-layer and empty ones left out) read badly, and a row edge runs through the middle
 * half of a page OCR item (same frame) read confidently inside the table.
 */
function gridCutsText(f: TableFragment, pageItems: readonly TextItem[], s: OcrPageSettings): boolean {
  const cells = mean(f.cells.filter((c) => c.confidence < 1 && c.text.trim() !== '').map((c) => c.confidence));
  if (!(cells < s.minTableConfidence)) return false;
  const edges = [...new Set(f.cells.flatMap((c) => [c.bbox.top, c.bbox.bottom]))];
  return pageItems.some((it) => {
    if (it.confidence < s.gridCutsTextConfidence) return false;
    const { x0, x1, top, bottom } = it.bbox;
    const cx = (x0 + x1) / 2;
    if (cx < f.bbox.x0 || cx > f.bbox.x1 || bottom < f.bbox.top || top > f.bbox.bottom) return false;
    const q = (bottom - top) / 4;
    return edges.some((y) => y > top + q && y < bottom - q);
  });
}

/**
 * Each OCR'd cell's numbers in one width (digits.unifyDigitWidth) and dotted thousands
 * repaired (a doubt, so the cell goes to review); rows kept in step.
 */
function unifyCells(f: TableFragment): void {
  for (const cell of f.cells) {
    if (cell.confidence >= 1) continue; // a text-layer cell is as printed
    let text = unifyDigitWidth(cell.text);
    const repair = repairThousands(text);
    if (repair) {
      text = repair.text;
      cell.doubts = [...(cell.doubts ?? []), repair.doubt];
    }
    if (text === cell.text) continue;
    cell.text = text;
    const row = f.rows[cell.row];
    if (row && cell.col < row.length) row[cell.col] = text;
  }
}

function medianWidth(rulings: readonly RulingLine[]): number {
  if (rulings.length === 0) return 1;
  const w = rulings.map((r) => r.width).sort((a, b) => a - b);
  return w[Math.floor(w.length / 2)]!;
}

/** A box scaled by `k` (px → pt or back); `round` snaps to whole pixels outward. */
function scaleBox(b: BBox | PixelBox, k: number, round = false): BBox {
  const r = { x0: b.x0 * k, top: b.top * k, x1: b.x1 * k, bottom: b.bottom * k };
  return round ? { x0: Math.floor(r.x0), top: Math.floor(r.top), x1: Math.ceil(r.x1), bottom: Math.ceil(r.bottom) } : r;
}

function rulingToPage(r: RulingLine, toPage: (b: BBox) => BBox): RulingLine {
  const half = r.width / 2;
  const b = toPage(r.axis === 'h' ? { x0: r.from, x1: r.to, top: r.at - half, bottom: r.at + half } : { x0: r.at - half, x1: r.at + half, top: r.from, bottom: r.to });
  return r.axis === 'h'
    ? { ...r, from: b.x0, to: b.x1, at: (b.top + b.bottom) / 2 }
    : { ...r, from: b.top, to: b.bottom, at: (b.x0 + b.x1) / 2 };
}

function fragmentToPage(f: TableFragment, toPage: (b: BBox) => BBox, raster: PageRaster, ptPerPx: number): TableFragment {
  const midY = (f.bbox.top + f.bbox.bottom) / 2 / ptPerPx;
  const out: TableFragment = {
    ...f,
    bbox: toPage(f.bbox),
    cells: f.cells.map((c): Cell => ({ ...c, bbox: toPage(c.bbox) })),
    columnEdges: f.columnEdges.map((x) => raster.toPoints(x / ptPerPx, midY).x),
    captionBoxes: f.captionBoxes.map(toPage),
  };
  if (f.titleBox) out.titleBox = toPage(f.titleBox);
  return out;
}

/** Lines (raster frame) → page points. */
export function lineToPage(l: Line, toPage: (b: BBox) => BBox): Line {
  return { ...l, bbox: toPage(l.bbox), items: l.items.map((it) => ({ ...it, bbox: toPage(it.bbox) })) };
}
