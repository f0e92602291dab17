/**
 * The flat (CSV) columns of each record kind: name (the record field), value type, Chinese title,
 * and whether an empty cell means null. Generic records add one column per header key.
 */
import type { RecordKind } from '../model/records.ts';

/** Value type of a column; 'list' is a string array written joined with '、'. */
export type ColumnType = 'string' | 'number' | 'integer' | 'boolean' | 'list';

export interface ColumnSpec {
  /** the record field (or, for generic values, the header key) */
  name: string;
  type: ColumnType;
  /** what the column means, in Chinese */
  title: string;
  /** an empty cell reads back as null (else as '' / []) */
  nullable: boolean;
  /** the column is a key of `bbox`, or (generic records) of `values` or `amountYuan`; else a record field */
  from?: 'values' | 'amountYuan' | 'bbox';
  /** unit of the numbers ('万元', '元', '%'), when known */
  unit?: string;
}

/** Separator of list fields in CSV cells. */
export const LIST_SEPARATOR = '、';

/** Whether a column is one of the record kind's own (not a generic value or amount column). */
export function isFixedColumn(col: ColumnSpec): boolean {
  return col.from === undefined || col.from === 'bbox';
}

/** Every record kind, in the order files are written. */
export const RECORD_KINDS: readonly RecordKind[] = ['budget-line', 'budget-subject', 'village-assignment', 'pairing', 'generic'];

const REF: readonly ColumnSpec[] = [
  { name: 'document', type: 'string', title: '文档标识（PDF 内容 sha256 的前 16 位）', nullable: true },
  { name: 'table', type: 'string', title: '表格编号', nullable: false },
  { name: 'row', type: 'integer', title: '表内行号（从 0 起）', nullable: false },
  { name: 'page', type: 'integer', title: '页码', nullable: true },
  { name: 'x0', from: 'bbox', type: 'number', title: '左边距（磅，页面左上角为原点）', nullable: true, unit: 'pt' },
  { name: 'top', from: 'bbox', type: 'number', title: '上边距（磅，页面左上角为原点）', nullable: true, unit: 'pt' },
  { name: 'x1', from: 'bbox', type: 'number', title: '右边距（磅，页面左上角为原点）', nullable: true, unit: 'pt' },
  { name: 'bottom', from: 'bbox', type: 'number', title: '下边距（磅，页面左上角为原点）', nullable: true, unit: 'pt' },
];

const TOTALS: readonly ColumnSpec[] = [
  { name: 'isTotal', type: 'boolean', title: '是否合计行（合计/总计）', nullable: false },
  { name: 'isSubtotal', type: 'boolean', title: '是否小计行', nullable: false },
];

/** The fixed columns of each kind (generic: before its value columns). */
export const KIND_COLUMNS: Readonly<Record<RecordKind, readonly ColumnSpec[]>> = {
  'budget-line': [
    ...REF,
    { name: 'level', type: 'string', title: '级次', nullable: true },
    { name: 'budgetUnit', type: 'string', title: '预算单位', nullable: true },
    { name: 'project', type: 'string', title: '项目名称', nullable: true },
    { name: 'amount', type: 'number', title: '金额', nullable: true },
    { name: 'amountUnit', type: 'string', title: '金额单位', nullable: true },
    { name: 'amountYuan', type: 'number', title: '金额（折合元）', nullable: true, unit: '元' },
    ...TOTALS,
  ],
  'budget-subject': [
    ...REF,
    { name: 'code', type: 'string', title: '科目编码', nullable: false },
    { name: 'level', type: 'integer', title: '科目级次（1 类 2 款 3 项）', nullable: false },
    { name: 'parent', type: 'string', title: '上级科目编码', nullable: true },
    { name: 'name', type: 'string', title: '科目名称', nullable: true },
    { name: 'department', type: 'string', title: '部门（单位）', nullable: true },
    { name: 'column', type: 'integer', title: '金额所在列（从 0 起）', nullable: false },
    { name: 'header', type: 'string', title: '金额列标题', nullable: false },
    { name: 'amount', type: 'number', title: '金额', nullable: true },
    { name: 'amountUnit', type: 'string', title: '金额单位', nullable: true },
    { name: 'amountYuan', type: 'number', title: '金额（折合元）', nullable: true, unit: '元' },
    ...TOTALS,
  ],
  'village-assignment': [
    ...REF,
    { name: 'seq', type: 'integer', title: '序号', nullable: true },
    { name: 'section', type: 'integer', title: '片区序号', nullable: true },
    { name: 'sectionTitle', type: 'string', title: '片区标题', nullable: true },
    { name: 'district', type: 'string', title: '区', nullable: true },
    { name: 'street', type: 'string', title: '街道（乡镇）', nullable: true },
    { name: 'declaredCount', type: 'integer', title: '片区所列村数', nullable: true },
    { name: 'leadUnit', type: 'string', title: '牵头单位', nullable: true },
    { name: 'units', type: 'list', title: '派出单位', nullable: false },
    { name: 'village', type: 'string', title: '派驻村', nullable: false },
    ...TOTALS,
  ],
  pairing: [
    ...REF,
    { name: 'prefecture', type: 'string', title: '州（市）', nullable: true },
    { name: 'county', type: 'string', title: '重点帮扶县（市）', nullable: false },
    { name: 'district', type: 'string', title: '结对帮扶区', nullable: false },
    ...TOTALS,
  ],
  generic: [...REF, { name: 'section', type: 'boolean', title: '是否分节行', nullable: false }, ...TOTALS],
};
