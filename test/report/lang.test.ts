/**
 * report.html in Chromium under --lang zh and --lang en: labels in the chosen language around the
 * Chinese findings, extraction state and finding counts shown apart, findings filtered by severity,
 * rule, page and review state, the page view showing the finding's message with expected and actual
 * and taking the review keys, review.json saved through the File System Access API (stubbed: headless
 * Chromium has no picker to click), and `gongwen check` rebuilding report.html with the decisions.
 * Screenshots go to /work/shots when that folder exists (else test-artifacts/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { ROOT, samplePdf } from '../helpers/samples.ts';
import { CHROMIUM, HAS_CHROMIUM, launch } from './browser.ts';
import { needsExternal } from '../helpers/external.ts';
import type { Finding } from '../../src/model/findings.ts';
import { ReviewFileSchema } from '../../src/model/review.ts';

const BIN = join(ROOT, 'bin', 'gongwen.mjs');
const run = (args: string[], lang = 'C.UTF-8') =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000, env: { ...process.env, LC_ALL: '', LANG: lang } });
const SHOTS = existsSync('/work/shots') ? '/work/shots' : join(ROOT, 'test-artifacts');
const browserOk = needsExternal(`report language tests: ${CHROMIUM}`, HAS_CHROMIUM, 'apt-get install chromium, or set GONGWEN_CHROMIUM');

describe.skipIf(!browserOk)('report.html in both languages', () => {
  let out = '';
  let zh = '';
  let en = '';
  let findings: Finding[] = [];
  let browser: Browser;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'gongwen-lang-'));
    const ex = run(['extract', samplePdf('planted-total'), '--out', join(out, 'zh'), '--report', '--lang', 'zh', '--progress', 'none']);
    expect(ex.status, ex.stderr).toBe(0);
    zh = join(out, 'zh', 'planted-total');
    en = join(out, 'en', 'planted-total');
    cpSync(zh, en, { recursive: true });
    const rep = run(['report', en, '--lang', 'en']);
    expect(rep.status, rep.stderr).toBe(0);
    findings = JSON.parse(readFileSync(join(zh, 'findings.json'), 'utf8')) as Finding[];
    expect(findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(1);
    browser = await launch();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  async function open(dir: string, init?: () => void): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await ctx.newPage();
    if (init) await page.addInitScript(init);
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    return page;
  }

  it('--lang zh: Chinese labels, the extraction state and the finding counts as two things, Chinese findings', async () => {
    const page = await open(zh);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('nav a').allInnerTexts()).toEqual(['概览', '核对', '发现', '表格']);
    expect(await page.locator('#extraction-state').innerText()).toBe('提取：完成');
    const errors = findings.filter((f) => f.severity === 'error').length;
    expect(await page.locator('#finding-counts').innerText()).toContain(`发现：错误 ${errors}`);
    expect(await page.locator('#glance h2').innerText()).toBe('文档概览');
    expect(await page.locator('table.gongwen th').allInnerTexts()).toEqual(['#', '文号', '标题', '发文机关', '成文日期', '印发日期', '页码', '附件']);
    expect(await page.locator('#checks h3').first().innerText()).toMatch(/^核实通过（\d+）$/);
    expect(await page.locator('#save-review').innerText()).toBe('保存 review.json');
    // the rules' descriptions in the check summary are Chinese too
    expect(await page.locator('details.rules td:last-child').allTextContents()).toContain('序号不重复');
    const body = await page.locator('body').innerText();
    for (const english of ['At a glance', 'Verified and passed', 'Title', 'Issuers', 'Signed', 'Expected', 'Actual', 'Confirm', 'Dismiss', ' error', 'reviewed']) {
      expect(body, english).not.toContain(english);
    }
    expect(await page.locator('.finding .msg').first().innerText()).toBe(findings[0]!.message);
    expect(await page.locator('.finding .xa dt').first().innerText()).toBe('应为');
    await page.screenshot({ path: join(SHOTS, 'report-zh.png') });
    await page.context().close();
  });

  it('--lang en: English labels around the same Chinese findings', async () => {
    const page = await open(en);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('nav a').allInnerTexts()).toEqual(['At a glance', 'Checks', 'Findings', 'Tables']);
    expect(await page.locator('#extraction-state').innerText()).toBe('extraction: ok');
    expect(await page.locator('#finding-counts').innerText()).toContain(`findings: ${findings.filter((f) => f.severity === 'error').length} error`);
    expect(await page.locator('#checks h3').first().innerText()).toMatch(/^Verified and passed \(\d+\)$/);
    expect(await page.locator('.finding .msg').first().innerText()).toBe(findings[0]!.message);
    await page.screenshot({ path: join(SHOTS, 'report-en.png') });
    await page.context().close();
  });

  it('the batch index written by extract --report --lang zh is Chinese too', async () => {
    const page = await open(join(out, 'zh', '_batch'));
    expect(await page.locator('#docs th').allInnerTexts()).toEqual(['文档', '状态', '页数', '读取方式', '公文', '表格', '错误', '警告', '提示', '已驳回', '备注']);
    expect(await page.locator('#shown').innerText()).toBe('显示 1/1 份文档');
    expect(await page.locator('#docs tbody td').nth(1).innerText()).toBe('完成');
    await page.context().close();
  });

  it('findings filter by severity, rule, page and review state', async () => {
    const page = await open(zh);
    const shown = () => page.locator('.finding:not([hidden])').count();
    expect(await shown()).toBe(findings.length);
    const rule = findings[0]!.rule;
    await page.selectOption('[data-filter="rule"]', rule);
    expect(await shown()).toBe(findings.filter((f) => f.rule === rule).length);
    expect(await page.locator('#filter-count').innerText()).toBe(`显示 ${findings.filter((f) => f.rule === rule).length}/${findings.length} 条`);
    await page.selectOption('[data-filter="rule"]', '');
    const pages = [...new Set(findings.flatMap((f) => f.evidence.map((e) => e.page)))];
    const last = String(Math.max(...pages));
    await page.selectOption('[data-filter="page"]', last);
    expect(await shown()).toBe(findings.filter((f) => f.evidence.some((e) => String(e.page) === last)).length);
    await page.selectOption('[data-filter="page"]', '');
    await page.selectOption('[data-filter="severity"]', 'error');
    expect(await shown()).toBe(findings.filter((f) => f.severity === 'error').length);
    await page.selectOption('[data-filter="severity"]', '');
    await page.selectOption('[data-filter="state"]', 'dismissed');
    expect(await shown()).toBe(0);
    expect(await page.locator('.sev-group:not([hidden])').count()).toBe(0);
    await page.selectOption('[data-filter="state"]', '');
    // dismiss the first finding: it leaves 'undecided' and joins 'dismissed'
    await page.locator('.finding').first().locator('.rv-dismissed input').check();
    expect(await page.locator('.finding').first().locator('.state').innerText()).toBe('已驳回');
    await page.selectOption('[data-filter="state"]', 'dismissed');
    expect(await shown()).toBe(1);
    await page.selectOption('[data-filter="state"]', 'open');
    expect(await shown()).toBe(findings.length - 1);
    await page.context().close();
  });

  it('the page view shows the finding with expected and actual; c/d/u decide there; review.json is saved through the file picker; check rebuilds report.html', async () => {
    const page = await open(zh, () => {
      // headless Chromium has the API but no picker to click: a handle that keeps what is written
      (window as unknown as Record<string, unknown>).showSaveFilePicker = (opts: { suggestedName: string }) => {
        (window as unknown as Record<string, unknown>).__suggested = opts.suggestedName;
        return Promise.resolve({
          name: 'review.json',
          createWritable: () => Promise.resolve({
            write: (text: string) => ((window as unknown as Record<string, unknown>).__saved = text, Promise.resolve()),
            close: () => Promise.resolve(),
          }),
        });
      };
    });
    const target = findings.findIndex((f) => f.expected !== undefined && f.actual !== undefined);
    expect(target).toBeGreaterThanOrEqual(0);
    await page.locator('body').press('j');
    for (let i = 0; i < target; i++) await page.locator('body').press('j');
    await page.locator('body').press('Enter');
    const panel = page.locator('#viewer .viewer-finding');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('.vf-msg').innerText()).toBe(findings[target]!.message);
    expect(await panel.locator('.vf-expected').innerText()).toBe(String(findings[target]!.expected));
    expect(await panel.locator('.vf-actual').innerText()).toBe(String(findings[target]!.actual));
    expect(await panel.innerText()).toContain('应为');
    expect(await panel.locator('.vf-state').innerText()).toBe('未定');
    await page.keyboard.press('c');
    expect(await panel.locator('.vf-state').innerText()).toBe('已确认');
    await page.keyboard.press('d');
    expect(await panel.locator('.vf-state').innerText()).toBe('已驳回');
    await page.screenshot({ path: join(SHOTS, 'report-zh-page-view.png') });
    await page.keyboard.press('Escape');
    expect(await page.locator(`#finding-${target}`).getAttribute('class')).toContain('dismissed');

    await page.locator('#save-review').click();
    await page.waitForFunction(() => (window as unknown as Record<string, unknown>).__saved !== undefined);
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__suggested)).toBe('review.json');
    expect(await page.locator('#save-note').innerText()).toBe(`已保存 review.json。请运行：gongwen check ${zh}`);
    const saved = ReviewFileSchema.parse(JSON.parse(await page.evaluate(() => String((window as unknown as Record<string, unknown>).__saved))));
    expect(saved.decisions).toHaveLength(1);
    expect(saved.decisions[0]).toMatchObject({ key: findings[target]!.key ?? expect.any(String), status: 'dismissed' });
    await page.context().close();

    writeFileSync(join(zh, 'review.json'), JSON.stringify(saved));
    const before = readFileSync(join(zh, 'report.html'), 'utf8');
    const mtime = statSync(join(zh, 'report.html')).mtimeMs;
    const ck = run(['check', zh], 'zh_CN.UTF-8');
    expect(ck.stderr).toContain(`报告 ${join(zh, 'report.html')}`);
    expect(ck.stderr).toContain('确认 0 条，驳回 1 条');
    expect(statSync(join(zh, 'report.html')).mtimeMs).toBeGreaterThan(mtime);
    const after = readFileSync(join(zh, 'report.html'), 'utf8');
    expect(after).not.toBe(before);
    // the rebuilt report carries the decision: the finding opens dismissed in a fresh browser
    const again = await open(zh);
    expect(await again.locator(`#finding-${target}`).getAttribute('class')).toContain('dismissed');
    await again.context().close();
  }, 120_000);
});
