/**
 * One argument parser for every sub-command (node:util parseArgs underneath): `--help`/`-h` prints
 * the command's help (each option with its default, and examples) and exits 0; an unknown option
 * is one line naming the closest known option ("did you mean --out?"), exit 2.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './common.ts';
import { lang, t } from '../i18n/index.ts';
import { HELP_ZH } from '../i18n/messages.ts';

/** One option of a command. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** placeholder of the value in the help ('<dir>') */
  readonly value?: string;
  /** the default as the help shows it (the command applies it) */
  readonly default?: string;
  readonly help: string;
}

/** A sub-command as its help describes it. */
export interface CommandSpec {
  /** 'extract' */
  readonly name: string;
  /** what follows the name: '<file.pdf|dir>... --out <dir> [options]' */
  readonly synopsis: string;
  readonly summary: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly examples: readonly string[];
}

/** An option's help line in the current language (English from the spec, Chinese from the catalogue). */
function optionHelp(spec: CommandSpec, name: string, o: OptionSpec): string {
  return (lang() === 'zh' ? HELP_ZH[`${spec.name}.${name}`] : undefined) ?? o.help;
}

/** The command's help text, in the current language; `--lang` and `--help` close the options. */
export function helpText(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`;
    return [flag, optionHelp(spec, name, o) + (o.default !== undefined ? t('help.default', { value: o.default }) : '')] as const;
  });
  rows.push([`    --lang <zh|en>`, t('help.lang') + t('help.default', { value: t('help.langDefault') })]);
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  const summary = (lang() === 'zh' ? HELP_ZH[spec.name] : undefined) ?? spec.summary;
  return [
    t('help.usage', { name: spec.name, synopsis: spec.synopsis }),
    '',
    summary,
    '',
    t('help.options'),
    ...rows.map(([f, h]) => `  ${f.padEnd(width)}${h}`),
    `  ${'-h, --help'.padEnd(width)}${t('help.this')}`,
    '',
    t('help.examples'),
    ...spec.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

/** Edit distance between two short strings (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length]!;
}

/** The known option closest to `given` (without dashes), when one is close enough to be meant. */
export function closestOption(given: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = k.startsWith(given) && given.length >= 2 ? 0.5 : distance(given, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== null && bestD <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}

type Values = Record<string, string | boolean | undefined>;

/**
 * Parses `args` for `spec`; null when help was asked for (it is printed on stdout: exit 0).
 * Throws UsageError for an unknown option, a missing value or a value given to a switch.
 */
export function parseCommand(spec: CommandSpec, args: readonly string[]): { values: Values; positionals: string[] } | null {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(helpText(spec));
    return null;
  }
  const options = Object.fromEntries(Object.entries(spec.options).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}) }]));
  try {
    const r = parseArgs({ args: [...args], allowPositionals: true, options });
    return { values: r.values as Values, positionals: r.positionals };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const given = /'(-{1,2}[^']*)'/.exec(e.message ?? '')?.[1] ?? '';
      const near = closestOption(given.replace(/^-+/, '').split('=')[0]!, [...Object.keys(spec.options), 'help', 'lang']);
      throw new UsageError(t('args.unknown', { name: spec.name, given, near: near ? t('args.near', { near }) : '' }));
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(t('args.value', { name: spec.name, message: (e.message ?? '').split('\n')[0]! }));
    throw err;
  }
}
