/**
 * Which images a report needs (page views, crops around evidence) and rendering them through
 * read/render.ts. Boxes in PDF points, top-left origin of the displayed page.
 */
import type { BBox, Evidence, Table } from '../model/types.ts';
import type { Finding } from '../model/findings.ts';
import { unionBox } from '../model/evidence.ts';
import type { PdfRenderer, RenderedImage } from '../read/render.ts';
import { openRenderer } from '../read/pdfjs.ts';
import type { ReportSettings } from './settings.ts';

/** One crop: a region of a page around evidence `evidence` of finding `finding` (indexes). */
export interface CropRequest {
  id: string;
  finding: number;
  evidence: number;
  page: number;
  region: BBox;
}

export interface ImagePlan {
  /** pages that get a page-view image, ascending */
  pages: number[];
  crops: CropRequest[];
}

export interface ReportImages {
  pages: Map<number, RenderedImage>;
  crops: Map<string, RenderedImage>;
}

export type PageSizes = ReadonlyMap<number, { width: number; height: number }>;

/** The region shown around an evidence box: margin added, widened/heightened to the minimum, tall boxes cut to their top, clamped to the page. */
export function cropRegion(b: BBox, page: { width: number; height: number }, s: ReportSettings): BBox {
  const cx = (b.x0 + b.x1) / 2;
  const halfW = Math.max(s.cropMinWidth, b.x1 - b.x0 + 2 * s.cropMargin) / 2;
  let x0 = cx - halfW;
  let x1 = cx + halfW;
  const height = Math.min(s.cropMaxHeight, Math.max(s.cropMinHeight, b.bottom - b.top + 2 * s.cropMargin));
  const tall = b.bottom - b.top + 2 * s.cropMargin > s.cropMaxHeight;
  let top = tall ? b.top - s.cropMargin : (b.top + b.bottom) / 2 - height / 2;
  let bottom = top + height;
  // shift into the page before clamping, so the crop keeps its size near an edge
  if (x0 < 0) [x0, x1] = [0, x1 - x0];
  if (x1 > page.width) [x0, x1] = [Math.max(0, x0 - (x1 - page.width)), page.width];
  if (top < 0) [top, bottom] = [0, bottom - top];
  if (bottom > page.height) [top, bottom] = [Math.max(0, top - (bottom - page.height)), page.height];
  return { x0, top, x1, bottom };
}

/** Edges of two boxes this close (pt) make them the same box. @default 2 */
const SAME_BOX_PT = 2;

/**
 * What a crop should show around a piece of evidence: when the evidence is a table cell, its whole
 * row on that page (a total is read beside its row label); otherwise the evidence box itself.
 */
export function evidenceContext(e: Evidence, tables: readonly Table[]): BBox {
  const same = (a: BBox, b: BBox) =>
    Math.abs(a.x0 - b.x0) <= SAME_BOX_PT && Math.abs(a.x1 - b.x1) <= SAME_BOX_PT && Math.abs(a.top - b.top) <= SAME_BOX_PT && Math.abs(a.bottom - b.bottom) <= SAME_BOX_PT;
  for (const t of tables) {
    const cell = t.cells.find((c) => c.page === e.page && same(c.bbox, e.bbox));
    if (cell) return unionBox([e.bbox, ...t.cells.filter((c) => c.page === e.page && c.row === cell.row).map((c) => c.bbox)]);
  }
  return e.bbox;
}

function isEmptyBox(b: BBox): boolean {
  return !(b.x1 > b.x0 && b.bottom > b.top);
}

/** Findings + tables → the images to render. */
export function planImages(findings: readonly Finding[], tables: readonly Table[], sizes: PageSizes, pageCount: number, s: ReportSettings): ImagePlan {
  const pages = new Set<number>();
  const crops: CropRequest[] = [];
  findings.forEach((f, fi) => {
    let shown = 0;
    f.evidence.forEach((e, ei) => {
      const size = sizes.get(e.page);
      if (!size || e.page > pageCount) return;
      pages.add(e.page);
      if (isEmptyBox(e.bbox) || shown >= s.maxCropsPerFinding) return;
      shown++;
      crops.push({ id: `f${fi}e${ei}`, finding: fi, evidence: ei, page: e.page, region: cropRegion(evidenceContext(e, tables), size, s) });
    });
  });
  for (const t of tables) for (const p of t.pages) if (p <= pageCount) pages.add(p);
  if (s.pages === 'all') for (let p = 1; p <= pageCount; p++) pages.add(p);
  return { pages: [...pages].filter((p) => sizes.has(p)).sort((a, b) => a - b), crops };
}

/** Renders the planned images, one page at a time (each page drawn once for its view and crops). */
export async function renderImages(data: Uint8Array | PdfRenderer, plan: ImagePlan, s: ReportSettings, password?: string): Promise<ReportImages> {
  const out: ReportImages = { pages: new Map(), crops: new Map() };
  const cropsByPage = new Map<number, CropRequest[]>();
  for (const c of plan.crops) cropsByPage.set(c.page, [...(cropsByPage.get(c.page) ?? []), c]);
  // an open document is the caller's to close; bytes are opened and closed here
  const owned = data instanceof Uint8Array;
  const r = owned ? await openRenderer(data, { password }) : data;
  try {
    const pages = [...new Set([...plan.pages, ...cropsByPage.keys()])].sort((a, b) => a - b);
    for (const p of pages) {
      if (p > r.pageCount) continue;
      const crops = cropsByPage.get(p) ?? [];
      const wantPage = plan.pages.includes(p);
      const rendered = await r.render(p, {
        ...(wantPage ? { page: { dpi: s.pageDpi } } : {}),
        regions: crops.map((c) => c.region),
        regionDpi: s.cropDpi,
        regionMaxPx: s.cropMaxPx,
        format: s.format,
        quality: s.pageQuality,
        regionQuality: s.cropQuality,
      });
      if (rendered.page) out.pages.set(p, rendered.page);
      crops.forEach((c, i) => out.crops.set(c.id, rendered.regions[i]!));
    }
  } finally {
    if (owned) await r.close();
  }
  return out;
}
