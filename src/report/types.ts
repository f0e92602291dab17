/** What writing one report.html produced (sizes in bytes, time in ms). */
export interface ReportResult {
  /** path of report.html */
  path: string;
  bytes: number;
  /** pages of the PDF */
  pages: number;
  /** pages with an image in the report */
  imagedPages: number;
  /** bytes of all page-view images (before base64) */
  pageImageBytes: number;
  /** crops drawn */
  crops: number;
  cropBytes: number;
  /** the PDF drawn from, or null with the reason in `note` */
  pdf: string | null;
  note: string | null;
  ms: number;
}
