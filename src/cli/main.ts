/**
 * The `gongwen` command line: `extract` (PDF → outputs) and `check` (re-check outputs).
 * Exit codes: 0 fine; 1 a named file failed (any file with --strict) or a finding reached --fail-on;
 * 2 usage error; 70 internal error.
 */
import { UsageError } from './common.ts';
import { closestOption } from './args.ts';
import { oneLine } from '../runtime/errors.ts';
import { VERSION } from '../version.ts';
import { isLang, lang, setLang, t } from '../i18n/index.ts';

const USAGE = `gongwen ${VERSION} — Chinese official notices (公文) in PDF → text, tables, records, findings

usage:
  gongwen extract <file.pdf|dir>... --out <dir> [--password <pw>] [--bom] [--raw] [--report]
          [--jobs N] [--timeout <s>] [--page-timeout <s>] [--max-memory <MiB>] [--recycle-after N[,MMiB]] [--max-pages N] [--force] [--strict]
          [--progress auto|bar|plain|json|none] [--fail-on <severity>]
          [--ocr auto|always|never] [--ocr-engine ppocr|tesseract] [--dpi <n>] [--queue redis://… --data <dir>]
  gongwen check <out-dir>... [--fail-on error|warning|info|none] [--bom] [--raw] [--no-report]
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
records, findings and report.html; exit 1 when a finding at or above --fail-on (default: error) exists;
a review.json in a folder (saved from report.html) marks findings confirmed or dismissed.
report writes report.html (one self-contained file: findings with page crops, checks, tables,
page view, review) in each output folder, and _batch/report.html for a folder of them.
serve runs the same extraction as an HTTP job service (upload, poll, fetch files or a zip).
worker runs the jobs of a Redis queue (serve --queue redis://…, extract --queue redis://…) on
any machine that mounts the same --data folder.
--lang zh|en (any command) sets the language of messages, help and report (default from LANG).`;

const USAGE_ZH = `gongwen ${VERSION} — 公文 PDF → 文本、表格、记录、核对发现

用法：
  gongwen extract <file.pdf|目录>... --out <目录> [--password <密码>] [--bom] [--raw] [--report]
          [--jobs N] [--timeout <秒>] [--page-timeout <秒>] [--max-memory <MiB>] [--recycle-after N[,MMiB]] [--max-pages N] [--force] [--strict]
          [--progress auto|bar|plain|json|none] [--fail-on <级别>]
          [--ocr auto|always|never] [--ocr-engine ppocr|tesseract] [--dpi <n>] [--queue redis://… --data <目录>]
  gongwen check <输出目录>... [--fail-on error|warning|info|none] [--bom] [--raw] [--no-report]
  gongwen report <输出目录>... [--pdf <文件>] [--password <密码>] [--all-pages] [--dpi <n>]
  gongwen serve [--host 127.0.0.1] [--port 8400] [--data <目录>] [--queue memory|redis://主机:端口[/库]] [--jobs N]
  gongwen worker --queue redis://主机:端口[/库] --data <目录> [--jobs N] [--timeout <秒>]
  gongwen <命令> --help      各命令的选项、默认值和示例
  gongwen --version

extract 为每个输入 <name>.pdf 写 <out>/<name>/（文件夹中找到的文件保留其子文件夹）：
document.json、text.txt、tables.json、tables/<id>.csv、paragraphs.json、records.json、
records/<kind>.csv、datapackage.json、findings.json、check-summary.json；以及 <out>/_batch/
（清单、全部记录和发现）。重新运行会跳过已完成的文件（--force 则重做）。
check 对这些文件夹（包括手工改正的表格）重新生成记录并核对，重写记录和发现，并重建 report.html；
有发现达到 --fail-on（默认 error）时退出码为 1；文件夹中的 review.json（从 report.html 保存）
把发现标为已确认或已驳回。
report 在每个输出文件夹写 report.html（单个自包含文件：带页面局部图的发现、核对、表格、
页面视图、审阅），对多个文档的目录还写 _batch/report.html。
serve 以 HTTP 作业服务运行同样的提取（上传、查询进度、取回文件或 zip）。
worker 在任何挂载同一 --data 目录的机器上运行 Redis 队列中的作业
（serve --queue redis://…、extract --queue redis://…）。
--lang zh|en（任何命令均可）设定消息、帮助和报告的语言（默认取自 LANG）。`;

/** `--lang X` / `--lang=X` taken out of the arguments (anywhere) and applied. */
function takeLang(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (a === '--lang') value = argv[++i] ?? '';
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
    else {
      out.push(a);
      continue;
    }
    if (!isLang(value)) throw new UsageError(t('opt.lang', { value }));
    setLang(value);
  }
  return out;
}

const usage = (): string => (lang() === 'zh' ? USAGE_ZH : USAGE);

async function main(args: string[]): Promise<number> {
  const argv = takeLang(args);
  const [command, ...rest] = argv;
  switch (command) {
    case '--version':
    case '-v':
      console.log(VERSION);
      return 0;
    case undefined:
      console.log(usage());
      return 2;
    case '--help':
    case '-h':
      console.log(usage());
      return 0;
    case 'help':
      // `gongwen help extract` is `gongwen extract --help`
      if (rest[0] && ['extract', 'check', 'report', 'serve', 'worker'].includes(rest[0])) return main([rest[0], '--help']);
      console.log(usage());
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
      throw new UsageError(t('main.unknownCommand', { command }) + nearCommand(command));
  }
}

/** ' (did you mean check?)' for a misspelt command, else ''. */
function nearCommand(command: string): string {
  const near = closestOption(command, ['extract', 'check', 'report', 'serve', 'worker']);
  return near ? t('main.near', { near }) : '';
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const msg = oneLine(err);
      console.error(`gongwen: ${msg}`);
      if (!msg.includes('--help')) console.error(t('main.seeHelp'));
      process.exitCode = 2;
    } else {
      console.error(`gongwen: ${t('main.internal', { message: oneLine(err) })}`);
      process.exitCode = 70;
    }
  },
);
