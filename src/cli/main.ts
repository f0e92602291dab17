/**
 * The `gongwen` command line: `extract` (PDF → outputs) and `check` (re-check outputs).
 * Exit codes: 0 fine; 1 a named file failed (any file with --strict) or a finding reached --fail-on;
 * 2 usage error; 70 internal error.
 */
import { UsageError } from './common.ts';
import { oneLine } from '../runtime/errors.ts';
import { VERSION } from '../version.ts';

const USAGE = `gongwen ${VERSION} — Chinese official notices (公文) in PDF → text, tables, records, findings

usage:
  gongwen extract <file.pdf|dir>... --out <dir> [--password <pw>] [--bom] [--raw] [--report]
          [--jobs N] [--timeout <s>] [--page-timeout <s>] [--max-memory <MiB>] [--recycle-after N[,MMiB]] [--max-pages N] [--force] [--strict]
          [--progress auto|bar|plain|json|none] [--fail-on <severity>]
          [--ocr auto|always|never] [--ocr-engine ppocr|tesseract] [--dpi <n>] [--queue redis://… --data <dir>]
  gongwen check <out-dir>... [--fail-on error|warning|info|none] [--bom] [--raw]
  gongwen report <out-dir>... [--pdf <file>] [--password <pw>] [--all-pages] [--dpi <n>]
  gongwen serve [--host 127.0.0.1] [--port 8400] [--data <dir>] [--queue memory|redis://HOST:PORT[/DB]] [--jobs N]
  gongwen worker --queue redis://HOST:PORT[/DB] --data <dir> [--jobs N] [--timeout <s>]
  gongwen <command> --help      each command's options, defaults and examples
  gongwen --version

extract writes, per input <name>.pdf, <out>/<name>/ (files found in a folder keep their
sub-folders): document.json, text.txt, tables.json, tables/<id>.csv, paragraphs.json,
records.json, records/<kind>.csv, datapackage.json, findings.json, check-summary.json; and
<out>/_batch/ (manifest, all records and findings). A re-run skips finished files (--force).
check re-runs records and checks on such folders (hand-corrected tables included) and rewrites
records and findings; exit 1 when a finding at or above --fail-on (default: error) exists;
a review.json in a folder (saved from report.html) marks findings confirmed or dismissed.
report writes report.html (one self-contained file: findings with page crops, checks, tables,
page view, review) in each output folder, and _batch/report.html for a folder of them.
serve runs the same extraction as an HTTP job service (upload, poll, fetch files or a zip).
worker runs the jobs of a Redis queue (serve --queue redis://…, extract --queue redis://…) on
any machine that mounts the same --data folder.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case '--version':
    case '-v':
      console.log(VERSION);
      return 0;
    case undefined:
      console.log(USAGE);
      return 2;
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    case 'help':
      // `gongwen help extract` is `gongwen extract --help`
      if (rest[0] && ['extract', 'check', 'report', 'serve', 'worker'].includes(rest[0])) return main([rest[0], '--help']);
      console.log(USAGE);
      return 0;
    // each command loads its own modules only (pdf.js, schemas, OCR stay unloaded for --help)
    case 'extract':
      return (await import('./extract.ts')).extractCommand(rest);
    case 'check':
      return (await import('./check.ts')).checkCommand(rest);
    case 'report':
      return (await import('./report.ts')).reportCommand(rest);
    case 'worker':
      return (await import('./worker.ts')).workerCommand(rest);
    case 'serve':
      return (await import('./serve.ts')).serveCommand(rest);
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const msg = oneLine(err);
      console.error(`gongwen: ${msg}`);
      if (!msg.includes('--help')) console.error("run 'gongwen --help' for the commands, 'gongwen <command> --help' for their options");
      process.exitCode = 2;
    } else {
      console.error(`gongwen: internal error: ${oneLine(err)}`);
      process.exitCode = 70;
    }
  },
);
