/**
 * Helpers of the scanned-sample tests (issue #4): OCR'd tables against a sample's expected tables,
 * cell by cell, with the `ocr.low-confidence` findings as the review queue.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { extractPdf, type ExtractOptions } from '../../src/pipeline/extract.ts';
import { runChecks } from '../../src/checks/index.ts';
import type { Finding } from '../../src/model/findings.ts';
import type { Extraction } from '../../src/model/outputs.ts';
import type { Table } from '../../src/model/types.ts';
import type { OcrEngineName } from '../../src/ocr/types.ts';
import { tablesToRecords } from '../checks/records.ts';
import { compactText, looseText } from '../../scripts/ocr-eval/text.ts';

export { compactText, looseText };

export interface ExpectedTable {
  title: string | null;
  header: string[];
  rows: string[][];
  pages: number[];
}

export interface CellScore {
  cells: number;
  exact: number;
  /** wrong cells that carry an ocr.low-confidence finding */
  wrongFlagged: number;
  wrongUnflagged: { row: number; col: number; got: string; want: string }[];
  /** right cells that carry a finding anyway */
  rightFlagged: number;
  /** cells equal only when bracket width is ignored (counted as wrong, see looseText) */
  bracketWidthOnly: number;
}

export async function extractScan(sample: string, engine: OcrEngineName = 'ppocr', options: ExtractOptions = {}): Promise<{ ex: Extraction; findings: Finding[]; seconds: number }> {
  const path = join('samples', sample, `${sample}.pdf`);
  const t0 = Date.now();
  const ex = await extractPdf({ path, data: readFileSync(path) }, { ocrEngine: engine, ...options });
  const seconds = (Date.now() - t0) / 1000;
  const { findings } = runChecks({ document: ex.document, tables: ex.tables, paragraphs: ex.paragraphs, records: tablesToRecords(ex.tables) });
  return { ex, findings, seconds };
}

export function loadExpected<T>(sample: string, file: string): T {
  return JSON.parse(readFileSync(join('samples', sample, 'expected', file), 'utf8')) as T;
}

/** Body cells of `got` against `want` (same row count assumed; missing rows count as wrong). */
export function scoreTable(got: Table, want: ExpectedTable, findings: readonly Finding[], ignoreBracketWidth = false): CellScore {
  const flagged = (page: number, bbox: { x0: number; top: number; x1: number; bottom: number }): boolean =>
    findings.some((f) => f.rule === 'ocr.low-confidence' && f.evidence.some((e) => e.page === page && Math.abs(e.bbox.x0 - bbox.x0) < 0.5 && Math.abs(e.bbox.top - bbox.top) < 0.5));
  const score: CellScore = { cells: 0, exact: 0, wrongFlagged: 0, wrongUnflagged: [], rightFlagged: 0, bracketWidthOnly: 0 };
  want.rows.forEach((row, r) => {
    row.forEach((w, c) => {
      score.cells++;
      const g = got.rows[r]?.[c] ?? '';
      const cell = got.cells.find((x) => x.row === r && x.col === c);
      const isFlagged = cell ? flagged(cell.page, cell.bbox) : false;
      if (compactText(g) === compactText(w)) {
        score.exact++;
        if (isFlagged) score.rightFlagged++;
      } else if (isFlagged) score.wrongFlagged++;
      else if (looseText(g) === looseText(w)) {
        score.bracketWidthOnly++;
        if (!ignoreBracketWidth) score.wrongUnflagged.push({ row: r, col: c, got: g, want: w });
      }
      else if (!(cell === undefined && w === '')) score.wrongUnflagged.push({ row: r, col: c, got: g, want: w });
      else score.exact++;
    });
  });
  return score;
}

/** Sums of `scoreTable` over several tables. */
export interface TableTotals {
  cells: number;
  exact: number;
  wrongFlagged: number;
  rightFlagged: number;
  bracketWidthOnly: number;
}

/**
 * Each expected table is found in `got` by its title (spaces ignored) with its pages, header and
 * row count, and every cell is right or flagged ocr.low-confidence; returns the sums.
 */
export function expectTables(got: readonly Table[], expected: readonly ExpectedTable[], findings: readonly Finding[], ignoreBracketWidth = false): TableTotals {
  const totals: TableTotals = { cells: 0, exact: 0, wrongFlagged: 0, rightFlagged: 0, bracketWidthOnly: 0 };
  for (const want of expected) {
    const t = got.find((x) => compactText(x.title ?? '') === compactText(want.title ?? ''));
    expect(t, want.title ?? '').toBeDefined();
    expect(t!.pages).toEqual(want.pages);
    expect(t!.header.map(compactText)).toEqual(want.header.map(compactText));
    expect(t!.rows).toHaveLength(want.rows.length);
    const s = scoreTable(t!, want, findings, ignoreBracketWidth);
    expect(s.wrongUnflagged).toEqual([]);
    totals.cells += s.cells;
    totals.exact += s.exact;
    totals.wrongFlagged += s.wrongFlagged;
    totals.rightFlagged += s.rightFlagged;
    totals.bracketWidthOnly += s.bracketWidthOnly;
  }
  return totals;
}
