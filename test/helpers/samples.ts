/** Access to the committed samples and their hand-checked expected outputs. */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPdf } from '../../src/pipeline/extract.ts';
import type { Extraction } from '../../src/model/outputs.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SAMPLES = join(ROOT, 'samples');

export interface ExpectedTable {
  title: string | null;
  /** the office named above the table ('部门：…'), when the sample checks it */
  issuer?: string | null;
  unit: string | null;
  header: string[];
  rows: string[][];
  rowKinds: ('body' | 'section')[];
  /** 1-based pages the table spans */
  pages?: number[];
}

export interface ExpectedDocument {
  docNumber: string | null;
  title: string;
  issuers: string[];
  signDate: string | null;
  printDate: string | null;
  pageFrom: number;
  pageTo: number;
  attachments: string[];
}

export function samplePdf(name: string): string {
  return join(SAMPLES, name, `${name}.pdf`);
}

/**
 * A committed encrypted PDF of test/fixtures/encrypted/ (made once with qpdf, see its README: the
 * tests need no qpdf). `hello-aes256`, `hello-owner-only`, `hello-rc4`: the two 'Hello' pages;
 * `lo-ruled-aes256`: samples/lo-ruled, user password 'secret'.
 */
export function encryptedPdf(name: 'hello-aes256' | 'hello-owner-only' | 'hello-rc4' | 'lo-ruled-aes256'): string {
  return join(ROOT, 'test', 'fixtures', 'encrypted', `${name}.pdf`);
}

export function expected<T>(name: string, file: string): T {
  return JSON.parse(readFileSync(join(SAMPLES, name, 'expected', file), 'utf8')) as T;
}

export function hasExpected(name: string, file: string): boolean {
  return existsSync(join(SAMPLES, name, 'expected', file));
}

/** Whether a sample has pages that need OCR (expected/pages.json lists a page with method 'ocr'). */
export function needsOcr(name: string): boolean {
  if (!hasExpected(name, 'pages.json')) return false;
  return expected<{ method: string }[]>(name, 'pages.json').some((p) => p.method !== 'text');
}

const cache = new Map<string, Promise<Extraction>>();

/** Extracts a sample once per test file. */
export function extractSample(name: string): Promise<Extraction> {
  let p = cache.get(name);
  if (!p) {
    const path = samplePdf(name);
    p = extractPdf({ path, data: new Uint8Array(readFileSync(path)) });
    cache.set(name, p);
  }
  return p;
}
