/**
 * Every sub-command prints its help (each option with its default, and examples) and exits 0;
 * a misspelt option is one line with the closest option, exit 2, no dump.
 */
import { describe, expect, it } from 'vitest';
import { gongwen } from '../batch/cli.ts';
import { closestOption } from '../../src/cli/args.ts';

describe('help and misspelt options', () => {
  for (const cmd of ['extract', 'check', 'report', 'serve', 'worker']) {
    it(`gongwen ${cmd} --help prints its options and exits 0`, () => {
      const r = gongwen([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`^usage: gongwen ${cmd} `));
      expect(r.stdout).toContain('examples:');
      expect(gongwen(['help', cmd]).stdout).toBe(r.stdout);
    });
  }

  it('extract --help shows every option with its default', () => {
    const out = gongwen(['extract', '-h']).stdout;
    for (const opt of ['--out', '--jobs', '--timeout', '--page-timeout', '--max-memory', '--recycle-after', '--ocr', '--ocr-engine', '--dpi', '--progress', '--fail-on']) expect(out).toContain(opt);
    expect(out).toMatch(/--timeout <s> +time limit of one document, seconds \(default: 300\)/);
  });

  it('a misspelt option gets the closest one in one line, exit 2', () => {
    const r = gongwen(['extract', 'x.pdf', '--ot', 'o']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(["gongwen: extract: unknown option '--ot' (did you mean --out?); see 'gongwen extract --help'"]);
    expect(gongwen(['check', 'o', '--fail-onn', 'error']).stderr).toContain('did you mean --fail-on?');
    expect(gongwen(['report', 'o', '--al-pages']).stderr).toContain('did you mean --all-pages?');
    expect(gongwen(['worker', '--queue', 'redis://x', '--dat', 'd']).stderr).toContain('did you mean --data?');
  });

  it('a misspelt command gets the closest one, exit 2; under a zh_CN locale in Chinese', () => {
    const r = gongwen(['chek', 'o']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("gongwen: unknown command 'chek' (did you mean check?)");
    expect(gongwen(['frobnicate']).stderr.split('\n')[0]).toBe("gongwen: unknown command 'frobnicate'");
    expect(gongwen(['extrct', 'x.pdf', '--lang', 'zh']).stderr.split('\n')[0]).toBe("gongwen: 未知命令 'extrct'（是否想用 extract？）");
  });

  it('worker and extract --queue say in one line what is missing, exit 2', () => {
    for (const [args, msg] of [
      [['worker', '--data', 'd'], 'gongwen: worker needs --queue redis://HOST:PORT[/DB]'],
      [['worker', '--queue', 'redis://127.0.0.1:1'], 'gongwen: worker needs --data <dir> (the folder shared with the clients)'],
      [['extract', 'x.pdf', '--out', 'o', '--queue', 'redis://127.0.0.1:1'], 'gongwen: extract --queue needs --data <dir> (the folder the workers share)'],
      [['extract', 'x.pdf', '--out', 'o', '--queue', 'amqp://h', '--data', 'd'], "gongwen: --queue expects redis://HOST:PORT[/DB], got 'amqp://h'"],
    ] as const) {
      const r = gongwen([...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(msg);
    }
  });

  it('closestOption suggests only what is near', () => {
    expect(closestOption('jbos', ['jobs', 'out'])).toBe('jobs');
    expect(closestOption('max-mem', ['max-memory', 'max-pages'])).toBe('max-memory');
    expect(closestOption('zzzzzz', ['jobs', 'out'])).toBeNull();
  });
});
