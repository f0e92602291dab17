/**
 * A strict report: its Content-Security-Policy pins the page's own script by hash (no
 * 'unsafe-inline' script), and a report whose content is stuffed with injections — in the file
 * name, table titles, headers and cells, the 公文 title and 文号, findings' messages, values and
 * evidence text — runs none of them in Chromium, while the report's own script still works.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ROOT, samplePdf } from '../helpers/samples.ts';
import { CHROMIUM, HAS_CHROMIUM, launch } from './browser.ts';
import { needsExternal } from '../helpers/external.ts';

const BIN = join(ROOT, 'bin', 'gongwen.mjs');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
/** each payload sets a global when it runs */
const PAYLOADS = [
  '<script>window.__pwned="script"</script>',
  '<img src=x onerror="window.__pwned=\'img\'">',
  '"><svg onload="window.__pwned=\'svg\'">',
  "'><a href=\"javascript:window.__pwned='href'\" id=\"jslink\">x</a>",
];
const inject = (i: number, s: string) => `${s}${PAYLOADS[i % PAYLOADS.length]}`;

const browserOk = needsExternal(`report CSP browser test: ${CHROMIUM}`, HAS_CHROMIUM, 'apt-get install chromium, or set GONGWEN_CHROMIUM');

describe('report.html content security', () => {
  let out = '';
  let dir = '';
  let browser: Browser | undefined;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'gongwen-csp-'));
    const pdf = join(out, `${PAYLOADS[1]}.pdf`);
    copyFileSync(samplePdf('planted-total'), pdf);
    const ex = run(['extract', pdf, '--out', join(out, 'o'), '--progress', 'none']);
    expect(ex.status, ex.stderr).toBe(0);
    dir = join(out, 'o', readdirSync(join(out, 'o')).find((n) => n !== '_batch')!);
    const edit = (file: string, fn: (v: any) => void) => {
      const v = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      fn(v);
      writeFileSync(join(dir, file), JSON.stringify(v));
    };
    edit('tables.json', (tables) => {
      for (const t of tables) {
        t.title = inject(0, t.title ?? '');
        t.header = t.header.map((h: string, i: number) => inject(i, h));
        t.rows = t.rows.map((r: string[], ri: number) => r.map((c: string, i: number) => inject(ri + i, c)));
        t.cells = t.cells.map((c: { text: string }, i: number) => ({ ...c, text: inject(i, c.text) }));
      }
    });
    edit('document.json', (d) => {
      for (const g of d.documents) {
        g.title = inject(1, g.title);
        g.docNumber = { raw: inject(2, '武办文〔2023〕1号'), normalized: inject(3, '武办文〔2023〕1号'), prefix: '武办文', year: 2023, serial: 1 };
      }
    });
    edit('findings.json', (fs) => {
      for (const f of fs) {
        f.message = inject(3, f.message);
        f.expected = inject(0, String(f.expected ?? ''));
        f.evidence = f.evidence.map((e: { text: string }, i: number) => ({ ...e, text: inject(i + 1, e.text) }));
      }
    });
    const rep = run(['report', dir, '--pdf', pdf]);
    expect(rep.status, rep.stderr).toBe(0);
    if (browserOk) browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('pins its own script by hash: no unsafe-inline script, nothing fetched', () => {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).toMatch(/^script-src 'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(csp).toContain("default-src 'none'");
    expect(html).not.toMatch(/<[a-z]+[^>]*\son[a-z]+=/i); // no inline event handler of ours or injected
  });

  it.skipIf(!browserOk)('runs none of the injected scripts, and its own script works', async () => {
    const ctx = await browser!.newContext();
    const page = await ctx.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    await page.waitForTimeout(300);
    // the injected link cannot run its javascript: URL either
    if (await page.locator('#jslink').count()) await page.locator('#jslink').first().click().catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    // the report's own script is allowed: a table cell opens the page view
    await page.locator('table.data td').first().click();
    await expect.poll(() => page.locator('#viewer').isVisible()).toBe(true);
    // the injected text is shown as text
    expect(await page.locator('table.data').first().innerText()).toContain('<script>window.__pwned="script"</script>');
    await ctx.close();
  });
});
