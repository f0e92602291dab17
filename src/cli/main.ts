/**
 * The `gongwen` command line.
 *   gongwen extract <file.pdf|dir>... --out <dir> [--password P] [--bom]
 * One line per file on stderr; a file that cannot be read gets `gongwen: <file>: <reason>` and no
 * output folder; the exit code is 1 when any file failed, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { readFile, mkdir, access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { collectInputs } from './inputs.ts';
import { extractPdf, oneLine } from '../pipeline/extract.ts';
import { writeExtraction } from '../write/outputs.ts';
import { PdfInputError } from '../read/pdfjs.ts';
import { VERSION } from '../version.ts';

const USAGE = `gongwen ${VERSION} — Chinese official notices (公文) in PDF → text, tables, records

usage:
  gongwen extract <file.pdf|dir>... --out <dir> [--password <pw>] [--bom]
  gongwen --version

extract writes, per input <name>.pdf: <out>/<name>/{document.json,text.txt,tables.json,tables/<id>.csv}`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    console.log(VERSION);
    return 0;
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'extract') return extractCommand(rest);
  throw new UsageError(`unknown command '${command}'`);
}

async function extractCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      password: { type: 'string' },
      bom: { type: 'boolean', default: false },
    },
  });
  if (!values.out) throw new UsageError('extract needs --out <dir>');
  if (positionals.length === 0) throw new UsageError('extract needs at least one PDF file or folder');
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
  for (const input of inputs) {
    const started = performance.now();
    try {
      const data = await readInput(input.path);
      const ex = await extractPdf({ path: input.path, data }, { password: values.password });
      await writeExtraction(join(out, input.outName), ex, { bom: values.bom });
      const ms = Math.round(performance.now() - started);
      console.error(
        `${ex.document.status} ${input.path} → ${join(out, input.outName)} ` +
          `(${ex.document.source.pages} pages, ${ex.tables.length} tables, ${ex.document.documents.length} 公文, ${ms} ms)`,
      );
    } catch (err) {
      failed++;
      console.error(`gongwen: ${input.path}: ${err instanceof PdfInputError ? err.reason : oneLine(err)}`);
    }
  }
  return failed > 0 ? 1 : 0;
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`gongwen: ${oneLine(err)}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error(`gongwen: internal error: ${oneLine(err)}`);
      process.exitCode = 70;
    }
  },
);
