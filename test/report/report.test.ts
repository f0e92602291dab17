/**
 * report.html in a real browser (Debian's Chromium via playwright-core): the seed's findings and
 * check summary, crops and the page view with highlights where the evidence is, table cells
 * linked to their page, keyboard navigation, the review workflow (dismiss in the page → download
 * review.json → `gongwen check` marks it and --fail-on ignores it; a changed finding is no longer
 * dismissed), low-confidence OCR marks, and the batch index. Skipped with a printed reason when
 * /usr/bin/chromium (or env GONGWEN_CHROMIUM) is missing, failing instead in CI (test/helpers/external.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT, samplePdf } from '../helpers/samples.ts';
import { CHROMIUM, HAS_CHROMIUM, boxDistance, launch, screenshot, viewerBoxInPoints } from './browser.ts';
import { needsExternal } from '../helpers/external.ts';
import type { CheckSummary, Finding } from '../../src/model/findings.ts';
import type { Table } from '../../src/model/types.ts';
import { ReviewFileSchema } from '../../src/model/review.ts';
import { writeBatchIndex, writeReport } from '../../src/report/index.ts';

const BIN = join(ROOT, 'bin', 'gongwen.mjs');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
const readJson = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;
const SAMPLES = ['seed', 'planted-total', 'lo-ruled'];

const browserOk = needsExternal(`report browser tests: ${CHROMIUM}`, HAS_CHROMIUM, 'apt-get install chromium, or set GONGWEN_CHROMIUM');

describe.skipIf(!browserOk)('report.html in Chromium', () => {
  let out: string;
  let seed: string;
  let browser: Browser;
  let reportStderr: string;
  const url = (dir: string) => pathToFileURL(join(dir, 'report.html')).href;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'gongwen-report-'));
    seed = join(out, 'seed');
    const ex = run(['extract', ...SAMPLES.map(samplePdf), '--out', out]);
    expect(ex.status, ex.stderr).toBe(0);
    const rep = run(['report', out]);
    expect(rep.status, rep.stderr).toBe(0);
    reportStderr = rep.stderr;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  /** A fresh context (own localStorage) and page; every request that is not file:/data:/blob: is recorded. */
  async function open(target: string): Promise<{ ctx: BrowserContext; page: Page; external: string[]; errors: string[] }> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await ctx.newPage();
    const external: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) external.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(target);
    return { ctx, page, external, errors };
  }

  it('is one self-contained file of reasonable size', async () => {
    const html = readFileSync(join(seed, 'report.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    expect(html).not.toMatch(/<link\b|\ssrc="(?!data:)|url\((?!data:)/);
    expect(html).not.toMatch(/https?:\/\//);
    const bytes = statSync(join(seed, 'report.html')).size;
    const line = reportStderr.split('\n').find((l) => l.includes('/seed/report.html'))!;
    console.info(`seed report: ${bytes} bytes, ${Math.round(bytes / 34)} bytes per PDF page — ${line}`);
    expect(bytes).toBeLessThan(4_000_000);
    const { ctx, external, errors, page } = await open(url(seed));
    await page.waitForLoadState('load');
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('shows the document, the check summary and the findings grouped by severity', async () => {
    const { ctx, page } = await open(url(seed));
    const glance = await page.locator('#glance').innerText();
    expect(glance).toContain('武办文〔2021〕40号');
    expect(glance).toContain('2021-08-23');
    expect(glance).toMatch(/text layer: 34 pages \(1–34\)/);
    const checks = await page.locator('#checks').innerText();
    for (const fact of ['2368 = 618 + 1750', '22 section counts', '序号 1–271 consecutive']) expect(checks).toContain(fact);
    expect(await page.locator('#checks .col.failed li').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('year.mismatch: 2 of 2 failed'), expect.stringContaining('citation.title-mismatch: 2 of 4 failed')]),
    );
    const rules = async (sev: string) => (await page.locator(`.finding.sev-${sev}`).evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).sort();
    expect(await rules('error')).toEqual(['citation.title-mismatch', 'citation.title-mismatch', 'year.mismatch', 'year.mismatch']);
    expect(await rules('warning')).toEqual(['duplicate.passage', 'format.list-separator']);
    const yearCard = page.locator('.finding[data-rule="year.mismatch"]').first();
    expect(await yearCard.locator('dl.xa').innerText()).toMatch(/Expected\s+2023\s+Actual\s+2022/);
    // every crop image is a loaded data: image with its evidence box drawn inside the frame
    const crops = await page.locator('figure.crop img').evaluateAll((imgs) =>
      imgs.map((i) => ({ data: (i as HTMLImageElement).src.startsWith('data:image/jpeg'), w: (i as HTMLImageElement).naturalWidth })),
    );
    expect(crops.length).toBeGreaterThanOrEqual(6);
    expect(crops.every((c) => c.data && c.w > 100)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 1400 });
    await screenshot(page, 'report-seed-overview.png');
    await page.locator('#findings').scrollIntoViewIfNeeded();
    await yearCard.scrollIntoViewIfNeeded();
    await screenshot(page, 'report-seed-findings.png');
    await ctx.close();
  });

  it('a crop opens the page view with a highlight over the evidence, where the text is', async () => {
    const findings = readJson<Finding[]>(join(seed, 'findings.json'));
    const tables = readJson<Table[]>(join(seed, 'tables.json'));
    const fi = findings.findIndex((f) => f.rule === 'year.mismatch' && f.evidence[0]!.page === 2);
    const ev = findings[fi]!.evidence[0]!;
    const { ctx, page } = await open(url(seed));
    await page.locator(`#finding-${fi} figure.crop`).first().click();
    await expect.poll(() => page.locator('#viewer').isVisible()).toBe(true);
    expect(await page.locator('#viewer .viewer-title').innerText()).toMatch(/^p\. 2 of 34/);
    expect(await page.locator('#viewer .hl.focus').count()).toBe(1);
    const shown = await viewerBoxInPoints(page, '#viewer .hl.focus');
    expect(boxDistance(shown, ev.bbox)).toBeLessThan(2);
    // the evidence is table t1's printed title: the highlight sits on it
    expect(boxDistance(shown, tables[0]!.titleBox!.bbox)).toBeLessThan(2);
    // the page image is really there, at the page's proportions
    const img = await page.locator('#viewer img.page-img').evaluate((i) => ({ w: (i as HTMLImageElement).naturalWidth, h: (i as HTMLImageElement).naturalHeight }));
    expect(img.w).toBeGreaterThan(600);
    expect(img.h / img.w).toBeCloseTo(841.92 / 594.96, 2);
    await screenshot(page, 'report-seed-page-view.png');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#viewer').isVisible()).toBe(false);
    await ctx.close();
  });

  it('a table cell opens its page with the cell boxed', async () => {
    const t1 = readJson<Table[]>(join(seed, 'tables.json'))[0]!;
    const cell = t1.cells.find((c) => c.text === '618')!;
    const { ctx, page } = await open(url(seed));
    await page.locator('table.data[data-table="t1"] td', { hasText: /^618$/ }).click();
    await expect.poll(() => page.locator('#viewer').isVisible()).toBe(true);
    expect(await page.locator('#viewer .page').getAttribute('data-page')).toBe(String(cell.page));
    expect(boxDistance(await viewerBoxInPoints(page, '#viewer .hl.cell'), cell.bbox)).toBeLessThan(2);
    await ctx.close();
  });

  it('j/k and the arrow keys move through findings, Enter opens the page, Esc closes it', async () => {
    const findings = readJson<Finding[]>(join(seed, 'findings.json'));
    const { ctx, page } = await open(url(seed));
    const selected = () => page.locator('.finding.selected').getAttribute('data-i');
    await page.keyboard.press('j');
    expect(await selected()).toBe('0');
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    expect(await selected()).toBe('2');
    await page.keyboard.press('k');
    expect(await selected()).toBe('1');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await selected()).toBe('0');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#viewer').isVisible()).toBe(true);
    expect(await page.locator('#viewer .viewer-title').innerText()).toContain(`p. ${findings[0]!.evidence[0]!.page} of 34 · text layer · ${findings[0]!.rule}`);
    // in the page view j moves on to the next finding's page
    for (let i = 0; i < 4; i++) await page.keyboard.press('j');
    expect(await selected()).toBe('4');
    expect(await page.locator('#viewer .viewer-title').innerText()).toContain(`p. ${findings[4]!.evidence[0]!.page} of 34`);
    expect(await page.locator('#viewer .hl.focus').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#viewer').isVisible()).toBe(false);
    await ctx.close();
  });

  it('review: dismiss in the page, save review.json, `gongwen check` marks it; a changed finding is no longer dismissed', async () => {
    const { ctx, page } = await open(url(seed));
    const errors = page.locator('.finding.sev-error');
    expect(await errors.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const card = errors.nth(i);
      await card.locator('input[value="dismissed"]').check();
      await card.locator('input.note').fill(`not a real error ${i + 1}`);
    }
    await page.locator('.finding[data-rule="format.list-separator"] input[value="confirmed"]').check();
    expect(await page.locator('#review-progress').innerText()).toBe('5 of 6 reviewed (1 confirmed, 4 dismissed)');
    // kept in localStorage: a reload shows the decisions again
    await page.reload();
    expect(await page.locator('.finding.dismissed').count()).toBe(4);
    expect(await errors.nth(2).locator('input.note').inputValue()).toBe('not a real error 3');
    // a browser without the File System Access API downloads review.json and says where it goes
    await page.evaluate(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-review').click()]);
    expect(await page.locator('#save-note').innerText()).toContain(seed);
    expect(download.suggestedFilename()).toBe('review.json');
    await download.saveAs(join(seed, 'review.json'));
    await ctx.close();

    const file = ReviewFileSchema.parse(readJson(join(seed, 'review.json')));
    expect(file.decisions.map((d) => d.status).sort()).toEqual(['confirmed', 'dismissed', 'dismissed', 'dismissed', 'dismissed']);

    const check = run(['check', seed]);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stderr).toContain('review.json: 1 confirmed, 4 dismissed, 0 no longer apply');
    let findings = readJson<Finding[]>(join(seed, 'findings.json'));
    expect(findings).toHaveLength(6);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.review?.status)).toEqual(['dismissed', 'dismissed', 'dismissed', 'dismissed']);
    expect(findings.find((f) => f.rule === 'year.mismatch')!.review!.note).toMatch(/^not a real error \d$/);
    expect(findings.find((f) => f.rule === 'format.list-separator')!.review).toMatchObject({ status: 'confirmed' });
    expect(findings.find((f) => f.rule === 'duplicate.passage')!.review).toBeUndefined();
    expect(run(['check', seed, '--fail-on', 'warning']).status).toBe(1);

    // correct the table title by hand: the t1-title year finding now has another actual value
    const tables = readJson<Table[]>(join(seed, 'tables.json'));
    tables[0]!.title = tables[0]!.title!.replace('2022', '2021');
    writeFileSync(join(seed, 'tables.json'), JSON.stringify(tables));
    const again = run(['check', seed]);
    expect(again.status).toBe(1);
    findings = readJson<Finding[]>(join(seed, 'findings.json'));
    const changed = findings.find((f) => f.rule === 'year.mismatch' && f.actual === '2021')!;
    expect(changed.review).toBeUndefined();
    expect(findings.filter((f) => f.review?.status === 'dismissed')).toHaveLength(3);
    expect(readJson<CheckSummary>(join(seed, 'check-summary.json')).review).toEqual({ confirmed: 1, dismissed: 3, open: 2, stale: 1 });
  });

  it('marks low-confidence OCR cells in the table and on the page', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gongwen-report-ocr-')), 'planted-total');
    cpSync(join(out, 'planted-total'), dir, { recursive: true });
    const tables = readJson<Table[]>(join(dir, 'tables.json'));
    const low = tables[0]!.cells.find((c) => c.text === '618')!;
    low.confidence = 0.42;
    writeFileSync(join(dir, 'tables.json'), JSON.stringify(tables));
    const other = tables[0]!.cells.find((c) => c.text === '1750')!;
    const findings = readJson<Finding[]>(join(dir, 'findings.json'));
    findings.push({ rule: 'ocr.low-confidence', severity: 'warning', message: 'OCR read “1750” with confidence 0.51', evidence: [{ page: other.page, bbox: other.bbox, text: '1750' }] });
    writeFileSync(join(dir, 'findings.json'), JSON.stringify(findings));
    const r = await writeReport(dir);
    expect(r.pdf).not.toBeNull();

    const { ctx, page } = await open(url(dir));
    expect(await page.locator('table.data td.lowconf').allInnerTexts()).toEqual(['618', '1750']);
    await page.locator('table.data td.lowconf', { hasText: '618' }).click();
    await expect.poll(() => page.locator('#viewer').isVisible()).toBe(true);
    expect(await page.locator('#viewer .hl.lowconf').count()).toBe(2);
    expect(boxDistance(await viewerBoxInPoints(page, '#viewer .hl.lowconf[title^="OCR confidence 0.42"]'), low.bbox)).toBeLessThan(2);
    await screenshot(page, 'report-lowconf-page-view.png');
    await ctx.close();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('a planted error shows its crop with the wrong total boxed', async () => {
    const dir = join(out, 'planted-total');
    const findings = readJson<Finding[]>(join(dir, 'findings.json'));
    const fi = findings.findIndex((f) => f.rule === 'sum.total-mismatch' && f.actual === '2386');
    const { ctx, page } = await open(url(dir));
    const card = page.locator(`#finding-${fi}`);
    await card.scrollIntoViewIfNeeded();
    expect(await card.locator('dl.xa').innerText()).toMatch(/Expected\s+2368\s+Actual\s+2386/);
    const inCrop = await card.locator('figure.crop').first().evaluate((fig) => {
      const frame = fig.querySelector('.crop-frame')!.getBoundingClientRect();
      const hl = fig.querySelector('.hl.focus')!.getBoundingClientRect();
      return hl.left >= frame.left && hl.right <= frame.right && hl.top >= frame.top && hl.bottom <= frame.bottom && hl.width > 20;
    });
    expect(inCrop).toBe(true);
    await card.screenshot({ path: join(ROOT, 'test-artifacts', 'report-planted-total-finding.png') });
    await ctx.close();
  });

  it('the batch index lists every document, sorts, filters and links to each report', async () => {
    const index = await writeBatchIndex(out);
    expect(index.path).toBe(join(out, '_batch', 'report.html'));
    const { ctx, page, external } = await open(pathToFileURL(join(out, '_batch', 'report.html')).href);
    const names = () => page.locator('#docs tbody tr:not([hidden]) td:first-child a').allInnerTexts();
    expect((await names()).sort()).toEqual(['lo-ruled.pdf', 'planted-total.pdf', 'seed.pdf']);
    const row = page.locator('#docs tbody tr', { hasText: 'planted-total.pdf' });
    expect(await row.locator('td').nth(6).innerText()).toBe('4');
    expect(await row.locator('td').nth(1).innerText()).toBe('ok');
    expect(await row.locator('td').nth(3).innerText()).toBe('text layer');
    // the seed's 4 errors were dismissed above, one came back after the hand correction
    expect(await page.locator('#docs tbody tr', { hasText: 'seed.pdf' }).locator('td').nth(9).innerText()).toBe('3');
    await page.locator('#docs th', { hasText: 'Pages' }).click();
    expect(await names()).toEqual(['lo-ruled.pdf', 'planted-total.pdf', 'seed.pdf']);
    await page.locator('#docs th', { hasText: 'Pages' }).click();
    expect(await names()).toEqual(['seed.pdf', 'lo-ruled.pdf', 'planted-total.pdf']);
    await page.locator('#docs th', { hasText: 'Errors' }).click();
    expect((await names())[0]).toBe('lo-ruled.pdf');
    await page.locator('#filter').fill('planted');
    expect(await names()).toEqual(['planted-total.pdf']);
    expect(await page.locator('#shown').innerText()).toBe('1 of 3 documents');
    await screenshot(page, 'report-batch-index.png');
    expect(await page.locator('#docs a', { hasText: 'planted-total.pdf' }).getAttribute('href')).toBe('../planted-total/report.html');
    await page.locator('#docs a', { hasText: 'planted-total.pdf' }).click();
    await page.waitForURL(/planted-total\/report\.html$/);
    expect(await page.locator('.finding[data-rule="sum.total-mismatch"]').count()).toBeGreaterThan(0);
    expect(external).toEqual([]);
    await ctx.close();
  });
});
