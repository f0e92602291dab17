/**
 * `writeReport(outDir, pdfPath?)`: a document's output folder (+ its PDF) → `<outDir>/report.html`.
 * Without the PDF the report is still written, with findings, tables and boxes but no images.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../write/atomic.ts';
import type { PdfRenderer, RenderedImage } from '../read/render.ts';
import { loadReportInput } from './load.ts';
import { locatePdf } from './pdf.ts';
import { planImages, renderImages, type CropRequest, type ReportImages } from './images.ts';
import { reportHtml } from './document.ts';
import { DEFAULT_REPORT, type ReportSettings } from './settings.ts';
import { shortMessage } from '../read/pdfjs.ts';

export type { ReportResult } from './types.ts';
import type { ReportResult } from './types.ts';

/** The report's file name in a document's output folder. */
export const REPORT_FILE = 'report.html';


export interface WriteReportOptions {
  settings?: Partial<ReportSettings>;
  /** password of an encrypted PDF */
  password?: string;
  /** the document already open (extract's own handle: no second parse); `pdfPath` names it */
  renderer?: PdfRenderer;
}

/** Writes `<outDir>/report.html`. `pdfPath` overrides document.json's source.path. */
export async function writeReport(outDir: string, pdfPath?: string, opts: WriteReportOptions = {}): Promise<ReportResult> {
  const started = performance.now();
  const settings: ReportSettings = { ...DEFAULT_REPORT, ...opts.settings };
  const input = await loadReportInput(outDir);
  const sizes = new Map(input.document.pages.map((p) => [p.page, { width: p.width, height: p.height }]));
  const plan = planImages(input.findings, input.tables, sizes, input.document.source.pages, settings);

  let images: ReportImages = { pages: new Map(), crops: new Map() };
  let pdf: string | null = null;
  let note: string | null = null;
  const located = opts.renderer ? { found: true as const, path: pdfPath ?? input.document.source.path, data: opts.renderer } : await locatePdf(input.document, outDir, pdfPath);
  if (located.found) {
    try {
      images = await renderImages(located.data, plan, settings, opts.password);
      pdf = located.path;
    } catch (err) {
      note = `page images omitted: ${shortMessage(err)}`;
    }
  } else {
    note = `page images omitted: ${located.reason}`;
  }

  const crops = new Map<string, { req: CropRequest; img: RenderedImage | undefined }>();
  for (const req of plan.crops) crops.set(req.id, { req, img: images.crops.get(req.id) });
  const html = reportHtml({ input, pageImages: images.pages, crops, pdfNote: note, settings });
  const path = join(outDir, REPORT_FILE);
  await writeFileAtomic(path, html);
  const sum = (m: ReadonlyMap<unknown, RenderedImage>) => [...m.values()].reduce((s, i) => s + i.bytes.length, 0);
  return {
    path,
    bytes: Buffer.byteLength(html),
    pages: input.document.source.pages,
    imagedPages: images.pages.size,
    pageImageBytes: sum(images.pages),
    crops: images.crops.size,
    cropBytes: sum(images.crops),
    pdf,
    note,
    ms: Math.round(performance.now() - started),
  };
}
