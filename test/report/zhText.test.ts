/**
 * The Chinese report has no English left: report.html of documents and of the batch, produced with
 * --lang zh and rendered in Chromium, shows no Latin word in its visible text besides data and ids —
 * file names, rule ids (code style), finding keys, hex digests, and the terms PDF, OCR, KiB, dpi,
 * sha256, gongwen and the key names Enter/Esc.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { ROOT, samplePdf } from '../helpers/samples.ts';
import { CHROMIUM, HAS_CHROMIUM, launch } from './browser.ts';
import { needsExternal } from '../helpers/external.ts';

const BIN = join(ROOT, 'bin', 'gongwen.mjs');
const browserOk = needsExternal(`Chinese report text: ${CHROMIUM}`, HAS_CHROMIUM, 'apt-get install chromium, or set GONGWEN_CHROMIUM');
const ALLOWED = new Set(['PDF', 'OCR', 'KiB', 'dpi', 'sha256', 'gongwen', 'Enter', 'Esc']);

describe.skipIf(!browserOk)('report.html under --lang zh', () => {
  let out = '';
  let browser: Browser;
  const names = ['seed', 'planted-total', 'unruled'];

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'gongwen-zhtext-'));
    const r = spawnSync(process.execPath, [BIN, 'extract', ...names.map(samplePdf), '--out', out, '--report', '--lang', 'zh', '--progress', 'none'], {
      cwd: ROOT, encoding: 'utf8', timeout: 240_000, env: { ...process.env, LC_ALL: '', LANG: 'C.UTF-8' },
    });
    expect(r.status, r.stderr).toBe(0);
    browser = await launch();
  }, 260_000);
  afterAll(async () => {
    await browser?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  /** Latin words of the page's visible text, ids and data left out, each with its line. */
  async function latinWords(file: string): Promise<Map<string, string>> {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    const text = await page.evaluate(() => {
      document.querySelectorAll('details').forEach((d) => (d.open = true));
      // ids shown as ids: rule ids in code style, a document's folder id under its name
      document.querySelectorAll('code, .rule-id, td .id').forEach((e) => e.remove());
      const labels = [...document.querySelectorAll('[title], [placeholder], [aria-label]')].map((e) =>
        ['title', 'placeholder', 'aria-label'].map((a) => e.getAttribute(a) ?? '').join(' '));
      return `${document.body.innerText}\n${labels.join('\n')}`;
    });
    await page.close();
    const words = new Map<string, string>();
    for (const line of text.split('\n')) {
      const data = line
        .replace(/[\w.-]+\.(pdf|json|html|xlsx|csv)\b/g, '') // file names
        .replace(/\b[a-z]+(\.[a-z]+(-[a-z]+)*)+(:[0-9a-f]{16})?/g, '') // rule ids and finding keys in lists
        .replace(/\b[0-9a-f]{12,}\b/g, '') // digests
        .replace(/\bgongwen (check|report|extract)\b/g, ''); // a command to type
      for (const m of data.matchAll(/[A-Za-z][A-Za-z0-9]*/g)) {
        const w = m[0];
        if (ALLOWED.has(w) || /^[a-z]\d*$/i.test(w)) continue; // t1, p, key letters j/k/c/d/u/n
        if (!words.has(w)) words.set(w, line.trim().slice(0, 120));
      }
    }
    return words;
  }

  for (const name of names) {
    it(`${name}/report.html: no English word in the visible text`, async () => {
      expect(Object.fromEntries(await latinWords(join(out, name, 'report.html')))).toEqual({});
    });
  }

  it('_batch/report.html: no English word, the reading method as words', async () => {
    expect(Object.fromEntries(await latinWords(join(out, '_batch', 'report.html')))).toEqual({});
  });
});
