/**
 * `_batch/datapackage.json`: the Frictionless tabular Data Package of a batch's CSVs (manifest.csv,
 * findings.csv, records-<kind>.csv and records-generic-<8 hex>.csv), with typed fields as the
 * per-document datapackage.json (write/records.ts) has them, and the batch key columns first.
 */
import type { RecordKind } from '../model/records.ts';
import type { ColumnSpec } from '../records/columns.ts';
import { columnsToFields, csvResource, type DataPackageField, type RecordsCsvOptions } from './records.ts';

const KEY_FIELDS: readonly DataPackageField[] = [
  { name: 'document', type: 'string', title: '文档标识（PDF 内容 sha256 的前 16 位）', description: 'stable document id: the first 16 hex digits of the sha256 of the PDF' },
  { name: 'sha256', type: 'string', title: 'PDF 的 sha256' },
  { name: 'folder', type: 'string', title: '输出文件夹（相对 --out）', description: 'output folder of the document, relative to --out; can differ between runs' },
];

const BOX_FIELDS: readonly DataPackageField[] = (['x0', 'top', 'x1', 'bottom'] as const).map((name) => ({
  name, type: 'number', title: `证据框 ${name}（磅，页面左上角为原点）`, unit: 'pt',
}));

const MANIFEST_FIELDS: readonly DataPackageField[] = [
  { name: 'file', type: 'string', title: '输入文件' },
  { ...KEY_FIELDS[0]!, description: `${KEY_FIELDS[0]!.description!}; empty when the file could not be read` },
  KEY_FIELDS[1]!,
  KEY_FIELDS[2]!,
  { name: 'status', type: 'string', title: '处理状态（ok/partial/failed）' },
  { name: 'pages', type: 'integer', title: '页数' },
  { name: 'method', type: 'string', title: '取文方式（text/ocr/both/mixed）' },
  { name: 'error', type: 'string', title: '错误原因' },
];

const FINDING_FIELDS: readonly DataPackageField[] = [
  ...KEY_FIELDS,
  { name: 'rule', type: 'string', title: '规则' },
  { name: 'severity', type: 'string', title: '级别（error/warning/info）' },
  { name: 'message', type: 'string', title: '说明' },
  { name: 'expected', type: 'string', title: '应为' },
  { name: 'actual', type: 'string', title: '所印' },
  { name: 'page', type: 'integer', title: '页码（首个证据）' },
  ...BOX_FIELDS,
  { name: 'evidence', type: 'string', title: '证据文字（首个证据）' },
  { name: 'evidenceCount', type: 'integer', title: '证据数' },
  { name: 'key', type: 'string', title: '发现标识（审核决定所指）' },
  { name: 'reviewState', type: 'string', title: '审核结论（confirmed/dismissed）' },
  { name: 'reviewNote', type: 'string', title: '审核备注' },
];

/** One records CSV of the batch: its file, kind, columns (`kindToColumns`, without `document`) and amount units. */
export interface BatchRecordsCsv {
  file: string;
  kind: RecordKind;
  columns: readonly ColumnSpec[];
  units: readonly string[];
}

/** The batch's data package: manifest, findings, then each records CSV in `records` order. */
export function batchDataPackage(records: readonly BatchRecordsCsv[], options: RecordsCsvOptions = {}): object {
  const resources = [
    csvResource('manifest', 'manifest.csv', MANIFEST_FIELDS, options),
    csvResource('findings', 'findings.csv', FINDING_FIELDS, options),
    ...records.map((r) => csvResource(r.file.replace(/\.csv$/, ''), r.file, [...KEY_FIELDS, ...columnsToFields(r.kind, r.columns, r.units)], options)),
  ];
  return { profile: 'tabular-data-package', name: 'gongwen-batch', resources };
}
