/**
 * `gongwen extract <file.pdf|dir>... --out <dir>`: PDF → outputs, one folder per input.
 * A file that cannot be read gets `gongwen: <file>: <reason>` and no output folder; the others go on.
 */
import { parseArgs } from 'node:util';
import { readFile, mkdir, access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { collectInputs } from './inputs.ts';
import { UsageError, parseFailOn, severityCounts } from './common.ts';
import { extractPdf, oneLine } from '../pipeline/extract.ts';
import { review, failsAt } from '../pipeline/review.ts';
import { writeExtraction } from '../write/outputs.ts';
import { PdfInputError } from '../read/pdfjs.ts';

/** Runs the command; returns the exit code (1 when a file failed or a finding reached --fail-on). */
export async function extractCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      password: { type: 'string' },
      bom: { type: 'boolean', default: false },
      raw: { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
    },
  });
  if (!values.out) throw new UsageError('extract needs --out <dir>');
  if (positionals.length === 0) throw new UsageError('extract needs at least one PDF file or folder');
  const failOn = parseFailOn(values['fail-on'], 'none');
  const out = values.out;
  try {
    await mkdir(out, { recursive: true });
    await access(out, constants.W_OK);
  } catch (err) {
    console.error(`gongwen: ${out}: output folder is not writable (${oneLine(err)})`);
    return 1;
  }
  const inputs = await collectInputs(positionals);
  if (inputs.length === 0) throw new UsageError('no PDF files found in the given inputs');
  let failed = 0;
  let reachedFailOn = false;
  for (const input of inputs) {
    const started = performance.now();
    try {
      const data = await readInput(input.path);
      const ex = await extractPdf({ path: input.path, data }, { password: values.password });
      const rev = review(ex);
      await writeExtraction(join(out, input.outName), ex, rev, { bom: values.bom, raw: values.raw });
      reachedFailOn ||= failsAt(rev.findings, failOn);
      const ms = Math.round(performance.now() - started);
      console.error(
        `${ex.document.status} ${input.path} → ${join(out, input.outName)} ` +
          `(${ex.document.source.pages} pages, ${ex.tables.length} tables, ${ex.document.documents.length} 公文, ` +
          `findings: ${severityCounts(rev.summary.findings)}, ${ms} ms)`,
      );
    } catch (err) {
      failed++;
      console.error(`gongwen: ${input.path}: ${err instanceof PdfInputError ? err.reason : oneLine(err)}`);
    }
  }
  return failed > 0 || reachedFailOn ? 1 : 0;
}

async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : oneLine(err);
    throw new PdfInputError(reason);
  }
}
