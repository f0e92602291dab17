/**
 * @napi-rs/canvas scans the system fonts when loaded; read/ loads it with that scan put off to the
 * first drawing (pdf.js requires the canvas even to read text only). A page drawn afterwards must be
 * the same image as with the package's own loading, fonts included: pdf.js draws the text of a font
 * not embedded in the PDF (pdfjs issue3521's page 1) with system fonts.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLES } from '../helpers/samples.ts';

const PDF = join(SAMPLES, 'realworld', 'pdfjs-issue3521', 'pdfjs-issue3521.pdf');

function render(mode: 'deferred' | 'eager', env: NodeJS.ProcessEnv = {}): { before: number; after: number; sha256: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'run-ts.mjs'), join(ROOT, 'test', 'read', 'systemFontsRender.ts'), PDF, mode], {
    encoding: 'utf8',
    env: { ...process.env, DISABLE_SYSTEM_FONTS_LOAD: undefined, ...env },
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { before: number; after: number; sha256: string };
}

describe('system fonts of the canvas', () => {
  it('are registered at the first drawing, not on loading pdf.js, and the page is drawn as with the eager scan', () => {
    const deferred = render('deferred');
    const eager = render('eager');
    expect(eager.before).toBeGreaterThan(0); // this machine has system fonts: the check means something
    expect(deferred.before).toBe(0);
    expect(deferred.after).toBe(eager.after);
    expect(deferred.sha256).toBe(eager.sha256);
  }, 180_000);

  it("keeps the user's DISABLE_SYSTEM_FONTS_LOAD: no fonts, and this page's non-embedded text is drawn otherwise", () => {
    const off = render('deferred', { DISABLE_SYSTEM_FONTS_LOAD: '1' });
    expect(off.after).toBe(0);
    expect(off.sha256).not.toBe(render('eager').sha256);
  }, 180_000);
});
