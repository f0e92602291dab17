/**
 * `gongwen report <out-dir>... [--pdf <file>] [--password <pw>] [--all-pages] [--dpi <n>]`: writes report.html in
 * each document output folder (the PDF found through document.json's source.path, or --pdf for a
 * single folder); given a folder of document folders, also its batch index _batch/report.html.
 * Exit 1 when a folder could not be read.
 */
import { parseCommand, type CommandSpec } from './args.ts';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from './common.ts';
import { oneLine } from '../runtime/errors.ts';
import { OutputFolderError } from '../write/load.ts';
import { t } from '../i18n/index.ts';
import { documentFolders, writeBatchIndex, writeReport, type ReportSettings } from '../report/index.ts';

async function isDocumentFolder(dir: string): Promise<boolean> {
  return stat(join(dir, 'document.json')).then(() => true, () => false);
}

/** The command line of `gongwen report`. */
export const REPORT: CommandSpec = {
  name: 'report',
  synopsis: '<out-dir>... [options]',
  summary:
    "Writes report.html (findings with page crops, checks, tables, page view, review) in each document's output folder,\n" +
    'and _batch/report.html for a folder of them. The PDF is found through document.json, or given with --pdf.',
  options: {
    pdf: { type: 'string', value: '<file>', help: 'the PDF of a single output folder' },
    password: { type: 'string', value: '<pw>', help: 'password of an encrypted PDF' },
    'all-pages': { type: 'boolean', help: 'an image of every page, not only those with findings or tables' },
    dpi: { type: 'string', value: '<n>', default: '90', help: 'resolution of the page images (24–300)' },
  },
  examples: ['gongwen report out', 'gongwen report out/通知 --pdf 通知.pdf --all-pages', 'gongwen report out --lang en'],
};

export async function reportCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(REPORT, args);
  if (!parsed) return 0;
  const { positionals } = parsed;
  const values = parsed.values as { pdf?: string; password?: string; 'all-pages'?: boolean; dpi?: string };
  if (positionals.length === 0) throw new UsageError(t('report.needsDir'));
  const dpi = values.dpi === undefined ? undefined : Number(values.dpi);
  if (dpi !== undefined && !(Number.isFinite(dpi) && dpi >= 24 && dpi <= 300)) {
    throw new UsageError(t('opt.dpiRange', { value: String(values.dpi) }));
  }
  const settings: Partial<ReportSettings> = { pages: values['all-pages'] ? 'all' : 'evidence', ...(dpi ? { pageDpi: dpi } : {}) };
  let code = 0;
  for (const arg of positionals) {
    const single = await isDocumentFolder(arg);
    const dirs = single ? [arg] : await documentFolders(arg);
    if (values.pdf && (positionals.length > 1 || !single)) throw new UsageError(t('report.pdfOne'));
    if (dirs.length === 0) {
      console.error(`gongwen: ${t('cli.noOutputFolder', { path: arg })}`);
      code = 1;
      continue;
    }
    for (const dir of dirs) {
      try {
        const r = await writeReport(dir, values.pdf, { settings, password: values.password });
        console.error(t('report.written', { path: r.path, pages: r.pages, images: r.imagedPages, crops: r.crops, kib: (r.bytes / 1024).toFixed(0), ms: r.ms, note: r.note ? ` — ${r.note}` : '' }));
      } catch (err) {
        console.error(`gongwen: ${dir}: ${err instanceof OutputFolderError ? err.message : oneLine(err)}`);
        code = 1;
      }
    }
    if (!single) {
      const idx = await writeBatchIndex(arg);
      console.error(t('report.index', { path: idx.path, n: idx.rows.length }));
    }
  }
  return code;
}
