/**
 * Browser helpers for the report tests: Debian's Chromium through playwright-core (no browser
 * download), and positions of report elements converted back to PDF points.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../helpers/samples.ts';
import type { BBox } from '../../src/model/types.ts';

/** The Chromium to drive: env GONGWEN_CHROMIUM, else Debian's. */
export const CHROMIUM = process.env.GONGWEN_CHROMIUM || '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
/** Screenshots taken at test time (gitignored). */
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: opts.fullPage ?? false });
}

/**
 * The box of `selector` (inside the page view) in PDF points of the displayed page: its position
 * relative to the page image, scaled by the page's size in points (data-w/data-h).
 */
export async function viewerBoxInPoints(page: Page, selector: string): Promise<BBox> {
  return page.evaluate((sel) => {
    const pg = document.querySelector('#viewer .page') as HTMLElement;
    const img = pg.querySelector('img.page-img') as HTMLElement;
    const el = document.querySelector(sel) as HTMLElement;
    const r = img.getBoundingClientRect();
    const b = el.getBoundingClientRect();
    const w = Number(pg.dataset.w);
    const h = Number(pg.dataset.h);
    return {
      x0: ((b.left - r.left) / r.width) * w,
      top: ((b.top - r.top) / r.height) * h,
      x1: ((b.right - r.left) / r.width) * w,
      bottom: ((b.bottom - r.top) / r.height) * h,
    };
  }, selector);
}

/** Largest difference between two boxes' edges, pt. */
export function boxDistance(a: BBox, b: BBox): number {
  return Math.max(Math.abs(a.x0 - b.x0), Math.abs(a.top - b.top), Math.abs(a.x1 - b.x1), Math.abs(a.bottom - b.bottom));
}
