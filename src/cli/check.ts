/**
 * `gongwen check <out-dir>...`: re-runs records and checks on existing (possibly hand-corrected)
 * outputs — document.json, tables.json, paragraphs.json — and rewrites records, findings.json and
 * check-summary.json. A folder holding several document folders is walked. Exit 1 when a finding
 * at or above --fail-on (default error) exists or a folder cannot be read. A `review.json` in a
 * folder (decisions saved from report.html) marks findings confirmed or dismissed; dismissed ones
 * stay in findings.json and no longer count for --fail-on. A batch output folder (`_batch/`) gets
 * its batch outputs rebuilt from the re-checked documents.
 */
import { parseCommand, type CommandSpec } from './args.ts';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError, parseFailOn, severityCounts } from './common.ts';
import { loadReviewInput, OutputFolderError } from '../write/load.ts';
import { review, failsAt } from '../pipeline/review.ts';
import { writeReview } from '../write/outputs.ts';
import { oneLine } from '../runtime/errors.ts';
import { existsSync } from 'node:fs';
import { loadManifest, MANIFEST_FILE } from '../batch/manifest.ts';
import { BATCH_SETTINGS } from '../batch/settings.ts';
import { readReviewFile } from '../review/load.ts';
import { reviewWithDecisions } from '../review/apply.ts';
import { rebuildIfBatch } from '../batch/outputs.ts';
import { reasonText, t } from '../i18n/index.ts';

/** The command line of `gongwen check`. */
export const CHECK: CommandSpec = {
  name: 'check',
  synopsis: '<out-dir>... [options]',
  summary:
    'Re-runs records and checks on output folders (hand-corrected tables.json included) and rewrites records, findings\n' +
    "and check-summary.json; applies each folder's review.json and rebuilds its report.html; on a batch output folder\n" +
    'also rebuilds _batch/.',
  options: {
    'fail-on': { type: 'string', value: '<severity>', default: 'error', help: 'exit 1 when a finding is at or above error|warning|info|none' },
    bom: { type: 'boolean', help: 'UTF-8 byte-order mark on every CSV (Excel)' },
    raw: { type: 'boolean', help: 'CSV cells as printed, without the formula guard' },
    'no-report': { type: 'boolean', help: 'leave report.html as it is (by default a folder\'s report.html is rebuilt)' },
  },
  examples: ['gongwen check out', 'gongwen check out/通知 --fail-on warning', 'gongwen check out --lang zh'],
};

export async function checkCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(CHECK, args);
  if (!parsed) return 0;
  const { positionals } = parsed;
  const values = parsed.values as { 'fail-on'?: string; bom?: boolean; raw?: boolean; 'no-report'?: boolean };
  if (positionals.length === 0) throw new UsageError(t('check.needsDir'));
  const failOn = parseFailOn(values['fail-on'], 'error');
  let code = 0;
  for (const arg of positionals) {
    const dirs = await outputFolders(arg);
    if (dirs.length === 0) {
      console.error(`gongwen: ${t('cli.noOutputFolder', { path: arg })}`);
      code = 1;
    }
    for (const dir of dirs) {
      try {
        const rev = reviewWithDecisions(review(await loadReviewInput(dir)), await readReviewFile(dir));
        await writeReview(dir, rev, { bom: values.bom ?? false, raw: values.raw ?? false });
        const r = rev.summary.review;
        const reviewed = r ? t('check.reviewed', { confirmed: r.confirmed, dismissed: r.dismissed, stale: r.stale }) : '';
        console.error(t('check.checked', { dir, counts: severityCounts(rev.summary.findings), reviewed }));
        if (failsAt(rev.findings, failOn)) code = 1;
        // the report shows the findings and decisions just written (images from the PDF when it is found)
        const report = values['no-report'] ? null : await import('../report/write.ts');
        if (report && existsSync(join(dir, report.REPORT_FILE))) {
          const rep = await report.writeReport(dir);
          console.error(t('check.report', { path: rep.path }) + (rep.note ? ` — ${rep.note}` : ''));
        }
      } catch (err) {
        console.error(`gongwen: ${dir}: ${err instanceof OutputFolderError ? err.message : reasonText(oneLine(err))}`);
        code = 1;
      }
    }
    try {
      if (await rebuildIfBatch(arg, { bom: values.bom ?? false, raw: values.raw ?? false })) console.error(t('check.rebuilt', { dir: join(arg, '_batch') }));
    } catch (err) {
      console.error(`gongwen: ${join(arg, '_batch')}: ${oneLine(err)}`);
      code = 1;
    }
  }
  return code;
}

/**
 * `dir` itself when it holds document.json; for a batch output folder the documents of its
 * manifest that have a folder (never stale folders of other runs); else its subfolders that hold
 * document.json (recursively).
 */
async function outputFolders(dir: string): Promise<string[]> {
  const manifest = join(dir, BATCH_SETTINGS.batchDir, MANIFEST_FILE);
  if (existsSync(manifest) && !existsSync(join(dir, 'document.json'))) {
    return [...(await loadManifest(manifest)).keys()]
      .sort()
      .map((id) => join(dir, ...id.split('/')))
      .filter((d) => existsSync(join(d, 'document.json')));
  }
  try {
    await stat(join(dir, 'document.json'));
    return [dir];
  } catch {
    /* not a document folder itself */
  }
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_')) out.push(...(await outputFolders(join(dir, e.name))));
  }
  return out;
}
