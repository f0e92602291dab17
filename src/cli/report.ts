/**
 * `gongwen report <out-dir>... [--pdf <file>] [--password <pw>] [--all-pages] [--dpi <n>]`: writes report.html in
 * each document output folder (the PDF found through document.json's source.path, or --pdf for a
 * single folder); given a folder of document folders, also its batch index _batch/report.html.
 * Exit 1 when a folder could not be read.
 */
import { parseArgs } from 'node:util';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from './common.ts';
import { oneLine } from '../runtime/errors.ts';
import { OutputFolderError } from '../write/load.ts';
import { documentFolders, writeBatchIndex, writeReport, type ReportSettings } from '../report/index.ts';

async function isDocumentFolder(dir: string): Promise<boolean> {
  return stat(join(dir, 'document.json')).then(() => true, () => false);
}

export async function reportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      pdf: { type: 'string' },
      password: { type: 'string' },
      'all-pages': { type: 'boolean', default: false },
      dpi: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('report needs at least one output folder');
  const dpi = values.dpi === undefined ? undefined : Number(values.dpi);
  if (dpi !== undefined && !(Number.isFinite(dpi) && dpi >= 24 && dpi <= 300)) {
    throw new UsageError(`--dpi expects a number from 24 to 300, got '${values.dpi}'`);
  }
  const settings: Partial<ReportSettings> = { pages: values['all-pages'] ? 'all' : 'evidence', ...(dpi ? { pageDpi: dpi } : {}) };
  let code = 0;
  for (const arg of positionals) {
    const single = await isDocumentFolder(arg);
    const dirs = single ? [arg] : await documentFolders(arg);
    if (values.pdf && (positionals.length > 1 || !single)) throw new UsageError('--pdf goes with exactly one document output folder');
    if (dirs.length === 0) {
      console.error(`gongwen: ${arg}: no gongwen output folder (document.json) found`);
      code = 1;
      continue;
    }
    for (const dir of dirs) {
      try {
        const r = await writeReport(dir, values.pdf, { settings, password: values.password });
        console.error(
          `report ${r.path} (${r.pages} pages, ${r.imagedPages} page images, ${r.crops} crops, ` +
            `${(r.bytes / 1024).toFixed(0)} KiB, ${r.ms} ms)${r.note ? ` — ${r.note}` : ''}`,
        );
      } catch (err) {
        console.error(`gongwen: ${dir}: ${err instanceof OutputFolderError ? err.message : oneLine(err)}`);
        code = 1;
      }
    }
    if (!single) {
      const idx = await writeBatchIndex(arg);
      console.error(`index ${idx.path} (${idx.rows.length} documents)`);
    }
  }
  return code;
}
