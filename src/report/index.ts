/**
 * The reviewer's HTML report: `writeReport(outDir, pdfPath?)` writes one document's self-contained
 * report.html; `writeBatchIndex(outRoot)` the index of a folder of documents.
 */
export { writeReport, REPORT_FILE, type ReportResult, type WriteReportOptions } from './write.ts';
export { writeBatchIndex, documentFolders, BATCH_DIR, type BatchRow } from './batch.ts';
export { DEFAULT_REPORT, type ReportSettings } from './settings.ts';
