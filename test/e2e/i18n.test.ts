/**
 * The interface speaks Chinese under a zh_* locale or --lang zh, English otherwise: help of every
 * command (each option, its default, examples), misspelt options, progress lines and the end summary,
 * which names the files that failed and those with error findings. Stored values stay English.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../batch/cli.ts';
import { samplePdf } from '../helpers/samples.ts';
import { EXTRACT } from '../../src/cli/extract.ts';
import { CHECK } from '../../src/cli/check.ts';
import { REPORT } from '../../src/cli/report.ts';
import { EN, RULES_ZH, ZH } from '../../src/i18n/messages.ts';
import { RULES } from '../../src/checks/index.ts';
import { langFromEnv, reasonText } from '../../src/i18n/index.ts';

const CJK = /[\u4e00-\u9fff]/;
/** a run of Latin words inside a Chinese line that is not a command, option, file or code */
const ENGLISH_WORDS = /\b(?!gongwen\b|review\b|json\b|report\b|html\b|check\b|extract\b|records?\b|findings?\b|summary\b|tables?\b|csv\b|pdf\b|PDF\b|OCR\b|LANG\b|LC_\w+|MiB\b|KiB\b|dpi\b|zh\b|en\b)[a-z]{4,}\s[a-z]{3,}\b/;

function run(args: readonly string[], env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 180_000, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const ZH_ENV = { LANG: 'zh_CN.UTF-8' };
const EN_ENV = { LANG: 'C.UTF-8' };

const dir = mkdtempSync(join(tmpdir(), 'gongwen-i18n-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('language choice', () => {
  it('zh for zh_* locales (LC_ALL first, then LC_MESSAGES, then LANG), else en', () => {
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFromEnv({ LANG: 'zh_TW' })).toBe('zh');
    expect(langFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(langFromEnv({ LANG: 'C', LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFromEnv({})).toBe('en');
  });

  it('the catalogue has every key in both languages, and no Chinese message carries an English phrase', () => {
    expect(Object.keys(ZH).sort()).toEqual(Object.keys(EN).sort());
    for (const [k, v] of Object.entries(ZH)) {
      const words = v.replace(/<[^>]+>/g, ' ').replace(/\{\w+\}/g, ' ');
      expect(ENGLISH_WORDS.exec(words), `${k}: ${v}`).toBeNull();
    }
  });

  it('every check rule has a Chinese description', () => {
    for (const r of RULES) expect(RULES_ZH[r.id], r.id).toMatch(CJK);
  });

  it('stored English reasons are shown in Chinese under zh, as they are under en', () => {
    expect(reasonText('encrypted: wrong password', 'zh')).toBe('已加密：密码错误');
    expect(reasonText('not a PDF (no %PDF header)', 'zh')).toBe('不是 PDF（没有 %PDF 文件头）');
    expect(reasonText('page 3: timeout after 60s', 'zh')).toBe('第 3 页：超时（60 秒）');
    expect(reasonText('encrypted: wrong password', 'en')).toBe('encrypted: wrong password');
  });
});

describe('help in both languages', () => {
  for (const spec of [EXTRACT, CHECK, REPORT]) {
    it(`gongwen ${spec.name} --help: every option with its default and examples, in Chinese and in English`, () => {
      const zh = run([spec.name, '--help'], ZH_ENV);
      const en = run([spec.name, '--help'], EN_ENV);
      expect(zh.code).toBe(0);
      expect(en.code).toBe(0);
      expect(zh.stdout).toMatch(new RegExp(`^用法：gongwen ${spec.name} `));
      expect(en.stdout).toMatch(new RegExp(`^usage: gongwen ${spec.name} `));
      expect(zh.stdout).toContain('示例：');
      expect(en.stdout).toContain('examples:');
      // --lang beats the locale
      expect(run([spec.name, '--help', '--lang', 'en'], ZH_ENV).stdout).toBe(en.stdout);
      expect(run(['--lang=zh', spec.name, '--help'], EN_ENV).stdout).toBe(zh.stdout);
      for (const [name, o] of [...Object.entries(spec.options), ['lang', { default: 'x' }] as const]) {
        const zhLine = zh.stdout.split('\n').find((l) => l.includes(`--${name} `) || l.trimEnd().endsWith(`--${name}`) || l.includes(`--${name}  `));
        const enLine = en.stdout.split('\n').find((l) => l.includes(`--${name} `) || l.includes(`--${name}  `));
        expect(zhLine, `--${name} in zh help`).toBeDefined();
        expect(enLine, `--${name} in en help`).toBeDefined();
        expect(zhLine!).toMatch(CJK);
        if (o.default !== undefined) {
          expect(zhLine!).toContain('（默认：');
          expect(enLine!).toContain('(default: ');
        }
      }
      for (const line of zh.stdout.split('\n').filter((l) => CJK.test(l))) expect(ENGLISH_WORDS.exec(line), line).toBeNull();
    });
  }

  it('the command list and a misspelt option in Chinese, exit 2 (and an unknown --lang)', () => {
    expect(run(['--help'], ZH_ENV).stdout).toContain('用法：');
    const r = run(['extract', 'x.pdf', '--ot', 'o'], ZH_ENV);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(["gongwen: extract：未知选项 '--ot'（是否想用 --out？）；见 'gongwen extract --help'"]);
    const bad = run(['extract', '--lang', 'fr'], EN_ENV);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--lang expects zh or en, got 'fr'");
  });
});

describe('progress and summary in both languages', () => {
  const broken = join(dir, 'broken.pdf');
  writeFileSync(broken, '%PDF-1.4\nnothing else');
  const inputs = [samplePdf('planted-total'), samplePdf('lo-ruled'), broken];

  it('LANG=zh_CN: Chinese lines and a summary naming the failed file (reason in Chinese) and the file with errors; the manifest keeps English', () => {
    const out = join(dir, 'zh');
    const r = run(['extract', ...inputs, '--out', out, '--progress', 'plain', '--jobs', '2'], ZH_ENV);
    expect(r.code).toBe(1); // a named file failed
    const lines = r.stderr.split('\n');
    expect(lines.some((l) => l.startsWith('完成 ') && l.includes('planted-total') && l.includes('错误 '))).toBe(true);
    const sum = lines.findIndex((l) => l.startsWith('汇总：共 3 个文件：完成 2，部分完成 0，失败 1，跳过 0'));
    expect(sum).toBeGreaterThanOrEqual(0);
    const rest = lines.slice(sum + 1);
    expect(rest[0]).toBe('失败的文件（1 个）：');
    expect(rest[1]).toMatch(new RegExp(`^  ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：PDF 已损坏或不完整`));
    expect(rest[2]).toBe('有错误级发现的文件（1 个）：');
    const findings = JSON.parse(readFileSync(join(out, 'planted-total', 'findings.json'), 'utf8')) as { severity: string }[];
    expect(rest[3]).toBe(`  ${samplePdf('planted-total')}：错误 ${findings.filter((f) => f.severity === 'error').length} 条`);
    for (const l of lines.filter((x) => CJK.test(x) && !x.includes('PDF 已损坏'))) expect(ENGLISH_WORDS.exec(l.replace(/\/[^\s（：]+/g, '')), l).toBeNull();
    // the stored reason stays the English machine text
    const manifest = readFileSync(join(out, '_batch', 'manifest.jsonl'), 'utf8');
    expect(manifest).toContain('damaged or truncated PDF');
    expect(manifest).not.toContain('已损坏');
  }, 240_000);

  it('LANG=C: the same summary in English', () => {
    const r = run(['extract', ...inputs, '--out', join(dir, 'en'), '--progress', 'plain', '--jobs', '2'], EN_ENV);
    const lines = r.stderr.split('\n');
    const sum = lines.findIndex((l) => l.startsWith('summary: 3 files: 2 ok, 0 partial, 1 failed, 0 skipped;'));
    expect(sum).toBeGreaterThanOrEqual(0);
    expect(lines[sum + 1]).toBe('failed (1):');
    expect(lines[sum + 2]).toContain(`  ${broken}: damaged or truncated PDF`);
    expect(lines[sum + 3]).toBe('with error findings (1):');
    expect(lines[sum + 4]).toMatch(/planted-total\.pdf: \d+ error$/);
  }, 240_000);
});
