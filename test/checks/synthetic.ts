/** Small hand-made check inputs: one-line paragraphs, one-page tables, one 公文. */
import type { CheckInput, Paragraph } from '../../src/model/check.ts';
import type { Gongwen, Table } from '../../src/model/types.ts';

/** A one-page paragraph whose lines are `lines` (boxes stacked 20 pt apart). */
export function paragraph(page: number, lines: string[], top = 100): Paragraph {
  const boxes = lines.map((_, i) => ({ x0: 70, top: top + 20 * i, x1: 530, bottom: top + 20 * i + 16 }));
  return {
    page,
    bbox: { x0: 70, top, x1: 530, bottom: top + 20 * lines.length - 4 },
    text: lines.join(''),
    lines: lines.map((text, i) => ({ text, bbox: boxes[i]! })),
  };
}

/** A one-page lattice table with one header row. */
export function simpleTable(id: string, page: number, header: string[], rows: string[][], extra: Partial<Table> = {}): Table {
  const cells = [header, ...rows].flatMap((row, r) =>
    row.map((text, col) => ({
      row: r - 1, col, rowSpan: 1, colSpan: 1, text, page, confidence: 1,
      bbox: { x0: 70 + 100 * col, top: 300 + 20 * r, x1: 170 + 100 * col, bottom: 320 + 20 * r },
    })),
  );
  return {
    id, title: null, titleBox: null, unit: null, pages: [page], detector: 'lattice', columns: header.length, header, rows,
    rowKinds: rows.map(() => 'body'), cells,
    quality: { fill: 1, strayItems: 0, fragments: 1, droppedHeaderRows: 0 }, ...extra,
  };
}

/** A 公文 over pages 1..pageTo. */
export function gongwen(over: Partial<Gongwen> = {}): Gongwen {
  return { index: 0, docNumber: null, title: '测试通知', issuers: [], signDate: null, printDate: null, pageFrom: 1, pageTo: 2, attachments: [], ...over };
}

/** One PDF's check input; one 公文 over all pages unless `documents` are given. */
export function input(paragraphs: Paragraph[], tables: Table[], pages = 2, documents?: Gongwen[]): CheckInput {
  return {
    document: {
      id: '0000000000000000',
      gongwen: { version: 'test' },
      source: { path: 'x.pdf', name: 'x.pdf', sha256: '', bytes: 0, pages },
      status: 'ok', errors: [], pages: [], tables: [], removedLines: [],
      documents: documents ?? [gongwen({ pageTo: pages })],
    },
    tables,
    records: [],
    paragraphs,
  };
}

