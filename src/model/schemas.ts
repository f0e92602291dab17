/**
 * zod schemas of every file gongwen writes. Each is checked against the TypeScript type the code
 * uses (`satisfies z.ZodType<T>`), checked against the real outputs by the tests (write/validate.ts), and
 * published as JSON Schema in schemas/ (`npm run schemas`; a test fails when they are stale).
 * Boxes: PDF points, top-left origin of the displayed page.
 */
import { z } from 'zod';
import type { DocumentJson } from './outputs.ts';
import type { Paragraph } from './check.ts';
import type { Cell, DocNumber, Gongwen, Table } from './types.ts';
import { BBoxSchema, CheckSummarySchema, FindingSchema, FindingsFileSchema } from './findings.ts';
import { ReviewFileSchema } from './review.ts';
import { DOCUMENT_ID, documentId } from './documentId.ts';
import {
  BudgetLineSchema,
  BudgetSubjectSchema,
  GenericRecordSchema,
  PairingSchema,
  RecordsFileSchema,
  VillageAssignmentSchema,
} from './records.ts';

const page = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DocNumberSchema = z.object({
  raw: z.string(),
  normalized: z.string(),
  prefix: z.string(),
  year: z.number().int(),
  serial: z.number().int(),
}) satisfies z.ZodType<DocNumber>;

export const GongwenSchema = z.object({
  index: z.number().int().nonnegative(),
  docNumber: DocNumberSchema.nullable(),
  title: z.string().nullable(),
  issuers: z.array(z.string()),
  signDate: isoDate.nullable(),
  printDate: isoDate.nullable(),
  pageFrom: page,
  pageTo: page,
  attachments: z.array(z.string()),
}) satisfies z.ZodType<Gongwen>;

/** document.json */
export const DocumentSchema = z.object({
  /** stable document id: the first 16 hex digits of source.sha256 (same on every run and machine) */
  id: z.string().regex(DOCUMENT_ID),
  gongwen: z.object({ version: z.string() }),
  source: z.object({
    path: z.string(),
    name: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
    pages: z.number().int().nonnegative(),
  }),
  status: z.enum(['ok', 'partial', 'failed']),
  errors: z.array(z.object({ stage: z.string(), page: page.optional(), reason: z.string() })),
  pages: z.array(
    z.object({
      page,
      method: z.enum(['text', 'ocr', 'both', 'blank']),
      width: z.number().positive(),
      height: z.number().positive(),
      rotate: z.number().int(),
      confidence: z.number().min(0).max(1),
      reasons: z.array(z.string()),
      engine: z.enum(['ppocr', 'tesseract']).optional(),
    }),
  ),
  documents: z.array(GongwenSchema),
  tables: z.array(
    z.object({
      id: z.string(),
      title: z.string().nullable(),
      pages: z.array(page),
      rows: z.number().int().nonnegative(),
      columns: z.number().int().positive(),
    }),
  ),
  removedLines: z.array(z.object({ page, text: z.string() })),
}) satisfies z.ZodType<DocumentJson>;

/**
 * document.json as read back (check, report): outputs written before documents had an `id` get it
 * from their sha256, as it would have been written.
 */
export const DocumentInSchema = z.preprocess((v) => {
  if (v && typeof v === 'object' && !('id' in v)) {
    const sha = (v as { source?: { sha256?: unknown } }).source?.sha256;
    if (typeof sha === 'string') return { id: documentId(sha), ...v };
  }
  return v;
}, DocumentSchema);

export const CellSchema = z.object({
  row: z.number().int(),
  col: z.number().int().nonnegative(),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  text: z.string(),
  bbox: BBoxSchema,
  page,
  confidence: z.number().min(0).max(1),
  doubts: z.array(z.string()).optional(),
}) satisfies z.ZodType<Cell>;

export const TableSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  titleBox: z.object({ page, bbox: BBoxSchema }).nullable(),
  unit: z.string().nullable(),
  issuer: z.string().nullable().optional(),
  pages: z.array(page),
  detector: z.enum(['lattice', 'stream']),
  columns: z.number().int().positive(),
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  rowKinds: z.array(z.enum(['body', 'section'])),
  cells: z.array(CellSchema),
  quality: z.object({
    fill: z.number().min(0).max(1),
    strayItems: z.number().int().nonnegative(),
    fragments: z.number().int().positive(),
    droppedHeaderRows: z.number().int().nonnegative(),
  }),
}) satisfies z.ZodType<Table>;

/** tables.json */
export const TablesFileSchema = z.array(TableSchema);

/** paragraphs.json */
export const ParagraphsFileSchema = z.array(
  z.object({
    page,
    bbox: BBoxSchema,
    text: z.string(),
    lines: z.array(z.object({ bbox: BBoxSchema, text: z.string(), confidence: z.number().min(0).max(1).optional() })),
  }) satisfies z.ZodType<Paragraph>,
);

/** What the batch adds before each line of `_batch/records-<kind>.jsonl` and `findings.jsonl`. */
const batchLine = {
  /** the stable document id (document.json `id`, model/documentId.ts): the batch's key */
  document: z.string().regex(DOCUMENT_ID),
  /** sha256 of the input file, hex */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** the document's output folder, relative to --out ('/'-separated); can differ between runs */
  folder: z.string(),
};

/** A line of `_batch/records-<kind>.jsonl`: a record with its document id, input sha256 and folder. */
export const BatchRecordLineSchema = z.discriminatedUnion('kind', [
  BudgetLineSchema.extend(batchLine),
  BudgetSubjectSchema.extend(batchLine),
  VillageAssignmentSchema.extend(batchLine),
  PairingSchema.extend(batchLine),
  GenericRecordSchema.extend(batchLine),
]);

/** A line of `_batch/findings.jsonl`: a finding with its document id, input sha256 and folder. */
export const BatchFindingLineSchema = FindingSchema.extend(batchLine);

/** Every published schema: JSON Schema file name (in schemas/) → zod schema. */
export const PUBLISHED_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  'document.schema.json': DocumentSchema,
  'tables.schema.json': TablesFileSchema,
  'paragraphs.schema.json': ParagraphsFileSchema,
  'records.schema.json': RecordsFileSchema,
  'record-budget-line.schema.json': BudgetLineSchema,
  'record-budget-subject.schema.json': BudgetSubjectSchema,
  'record-village-assignment.schema.json': VillageAssignmentSchema,
  'record-pairing.schema.json': PairingSchema,
  'record-generic.schema.json': GenericRecordSchema,
  'findings.schema.json': FindingsFileSchema,
  'check-summary.schema.json': CheckSummarySchema,
  'review.schema.json': ReviewFileSchema,
  'batch-record-line.schema.json': BatchRecordLineSchema,
  'batch-finding-line.schema.json': BatchFindingLineSchema,
};

/** Output file name (in a document's folder) → its schema (write/validate.ts). */
export const FILE_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  'document.json': DocumentSchema,
  'tables.json': TablesFileSchema,
  'paragraphs.json': ParagraphsFileSchema,
  'records.json': RecordsFileSchema,
  'findings.json': FindingsFileSchema,
  'check-summary.json': CheckSummarySchema,
};
