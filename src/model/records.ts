/**
 * Typed records: one per fact, from tables recognised by their header signature. The zod schemas
 * are the source of truth (JSON Schema in schemas/ is generated from them); types are inferred.
 * `table` + `row` point back to the table (tables.json id, index into its `rows`), whose cells
 * carry page and box.
 */
import { z } from 'zod';
import { DOCUMENT_ID } from './documentId.ts';

/** Unit an amount is stated in. */
export const AmountUnitSchema = z.enum(['元', '万元', '亿元']);
export type AmountUnit = z.infer<typeof AmountUnitSchema>;

const ref = {
  /**
   * stable id of the document the record comes from (document.json `id`: the first 16 hex digits of
   * the PDF's sha256); on every record gongwen writes, absent only on records built from tables alone
   */
  document: z.string().regex(DOCUMENT_ID).optional(),
  /** id of the table in tables.json ('t1', …) */
  table: z.string(),
  /** index into that table's `rows` (0-based, body rows) */
  row: z.number().int().nonnegative(),
  /** page (1-based) of the row's cells; null when the table has no cells for the row */
  page: z.number().int().positive().nullable(),
  /**
   * box around the row's source cells on that page, as tables.json's cells: PDF points (1/72 inch),
   * origin at the page's top-left corner, x to the right, top/bottom downwards; null without cells
   */
  bbox: z.object({ x0: z.number(), top: z.number(), x1: z.number(), bottom: z.number() }).nullable(),
};

/** Row flags every record kind carries: a 合计/总计 row, a 小计 row (never both). */
const totals = {
  /** a 合计/总计 (grand total) row: do not sum it in with its parts */
  isTotal: z.boolean(),
  /** a 小计 (subtotal) row: do not sum it in with its parts */
  isSubtotal: z.boolean(),
};

/** A budget line (级次/预算单位/项目名称/预算数 and close variants). */
export const BudgetLineSchema = z.object({
  kind: z.literal('budget-line'),
  ...ref,
  /** 级次, e.g. 汉阳区 */
  level: z.string().nullable(),
  /** 预算单位 (the budget unit: an organisation) */
  budgetUnit: z.string().nullable(),
  /** 项目名称 */
  project: z.string().nullable(),
  /** the amount as a plain number, in `amountUnit`; null when the cell is empty or unparseable */
  amount: z.number().nullable(),
  amountUnit: AmountUnitSchema.nullable(),
  /** the amount in 元 (amount × 1, 10^4 or 10^8); null when the amount or its unit is unknown */
  amountYuan: z.number().nullable(),
  ...totals,
});
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

/**
 * One amount of a subject row (科目表: rows keyed by 功能/经济分类科目 codes, see
 * records/subjects.ts): one record per subject row and amount column, so a row of a table with
 * 合计 / 基本支出 / 项目支出 gives three records sharing code, level and parent.
 */
export const BudgetSubjectSchema = z.object({
  kind: z.literal('budget-subject'),
  ...ref,
  /** 1-based page the row is printed on */
  page: z.number().int().positive(),
  /** the full subject code ('2010101'), derived from structure when printed partly ('01' under '20101') */
  code: z.string().regex(/^\d{3}(\d{2}){0,2}$/),
  /** 1 = 类 (3 digits), 2 = 款 (5), 3 = 项 (7) */
  level: z.number().int().min(1).max(3),
  /** the parent subject's code (one level up), null at the top level or when not in the table */
  parent: z.string().nullable(),
  /** 科目名称 as printed; null when the row has none */
  name: z.string().nullable(),
  /** the department (部门/单位) the table is for: its printed issuer, else named by its or its 公文's title (records/department.ts); null when none says */
  department: z.string().nullable(),
  /** 0-based index of the amount column in the table */
  column: z.number().int().nonnegative(),
  /** that column's header, as printed (multi-row headers joined with '/') */
  header: z.string(),
  /** the amount as a plain number in `amountUnit`; null when the cell is empty or unparseable */
  amount: z.number().nullable(),
  amountUnit: AmountUnitSchema.nullable(),
  /** the amount in 元; null when the amount or its unit is unknown */
  amountYuan: z.number().nullable(),
  ...totals,
});
export type BudgetSubject = z.infer<typeof BudgetSubjectSchema>;

/** A village assignment (序号/派出单位/派驻村, with section rows). */
export const VillageAssignmentSchema = z.object({
  kind: z.literal('village-assignment'),
  ...ref,
  /** 序号; null when empty or unparseable */
  seq: z.number().int().nullable(),
  /** section number (一…二十二 → 1…22); null before any section row */
  section: z.number().int().nullable(),
  /** the section row's text, as printed */
  sectionTitle: z.string().nullable(),
  /** 区 of the section, e.g. 黄陂区 */
  district: z.string().nullable(),
  /** street or township (…街/…乡/…镇) */
  street: z.string().nullable(),
  /** count the section row declares ('12 个村' → 12) */
  declaredCount: z.number().int().nullable(),
  /** 牵头单位 of the section */
  leadUnit: z.string().nullable(),
  /** 派出单位 split on '、' */
  units: z.array(z.string()),
  /** 派驻村 */
  village: z.string(),
  ...totals,
});
export type VillageAssignment = z.infer<typeof VillageAssignmentSchema>;

/** A pairing (重点帮扶地区/结对帮扶区): one record per (county, district) pair. */
export const PairingSchema = z.object({
  kind: z.literal('pairing'),
  ...ref,
  /** 州/市 part of the aided area, e.g. 恩施州 */
  prefecture: z.string().nullable(),
  /** county or county-level city, e.g. 来凤县 */
  county: z.string(),
  /** the paired district */
  district: z.string(),
  ...totals,
});
export type Pairing = z.infer<typeof PairingSchema>;

/**
 * Type of a generic table's column, from its body cells (totals included): 'integer', 'number'
 * (decimals), 'percent' (the value is the printed number: '95.7%' → 95.7) or 'string' when any
 * non-empty cell does not parse as the others do.
 */
export const ValueTypeSchema = z.enum(['string', 'integer', 'number', 'percent']);
export type ValueType = z.infer<typeof ValueTypeSchema>;

/** A generic table's column: its key in `values`, type, and amount unit ('（万元）' header or unit line). */
export const GenericColumnSchema = z.object({
  key: z.string(),
  type: ValueTypeSchema,
  /** unit of an amount column (header names an amount or a unit); null for others */
  unit: AmountUnitSchema.nullable(),
});
export type GenericColumn = z.infer<typeof GenericColumnSchema>;

/** A generic value: text as printed (string column), or a number (null for an empty cell). */
export const GenericValueSchema = z.union([z.string(), z.number(), z.null()]);
export type GenericValue = z.infer<typeof GenericValueSchema>;

/**
 * Any other table: one record per body row, keyed by header. Numeric columns hold numbers
 * (full-width digits and thousands separators normalised; the printed text stays in tables.json).
 */
export const GenericRecordSchema = z.object({
  kind: z.literal('generic'),
  ...ref,
  /** the row is a section row (its text is under the first header) */
  section: z.boolean(),
  ...totals,
  values: z.record(z.string(), GenericValueSchema),
  /** amount columns with a known unit, in 元 (same keys as `values`); null for an empty cell */
  amountYuan: z.record(z.string(), z.number().nullable()),
});
export type GenericRecord = z.infer<typeof GenericRecordSchema>;

export const AnyRecordSchema = z.discriminatedUnion('kind', [
  BudgetLineSchema,
  BudgetSubjectSchema,
  VillageAssignmentSchema,
  PairingSchema,
  GenericRecordSchema,
]);
export type AnyRecord = z.infer<typeof AnyRecordSchema>;
export type RecordKind = AnyRecord['kind'];

/** records.json */
export const RecordsFileSchema = z.object({
  /** which record kind each table was recognised as */
  tables: z.array(
    z.object({
      table: z.string(),
      kind: z.enum(['budget-line', 'budget-subject', 'village-assignment', 'pairing', 'generic']),
      /** generic tables: each column's key, type and unit */
      columns: z.array(GenericColumnSchema).optional(),
    }),
  ),
  records: z.array(AnyRecordSchema),
});
export type RecordsFile = z.infer<typeof RecordsFileSchema>;
