/**
 * Village-assignment tables (序号/派出单位/派驻村 with section rows) → VillageAssignment records.
 * A section row ('三、蔡甸区侏儒山街 22 个村（牵头单位：市人大常委会办公厅）') sets the context of the
 * body rows below it; each body row gives one record.
 */
import { rowSource } from './source.ts';
import { rowTotalFlags } from './totals.ts';
import type { Finding } from '../model/findings.ts';
import type { VillageAssignment } from '../model/records.ts';
import type { Table } from '../model/types.ts';
import { parseChineseNumeral, parseInteger } from '../text/numbers.ts';
import { slotText, unparseableFinding } from './evidence.ts';
import { RECORD_SETTINGS, type RecordSettings } from './settings.ts';
import type { VillageColumns } from './signatures.ts';

/** What a section row says. Every field but `title` may be null when the row does not state it. */
export interface SectionContext {
  section: number | null;
  title: string;
  district: string | null;
  street: string | null;
  declaredCount: number | null;
  leadUnit: string | null;
}

const NUMERAL = '[零〇一二两三四五六七八九十百千]+';
/** '<序号>、' at the start: Chinese numeral, or digits, followed by 、 . ． or a full-width space. */
const SECTION_NUMBER = new RegExp(`^(${NUMERAL}|\\d+)[、.．]`);
/**
 * The rest of a section row, spaces removed: <district …区/县/市><street …街道/街/乡/镇>
 * <N>[个]村 (牵头单位：<lead>). Every part is optional; the count may be Arabic or Chinese.
 */
const SECTION_BODY = new RegExp(
  '^(?<district>.+?(?:区|县|市))?' +
    '(?<street>.+?(?:街道|街|乡|镇))?' +
    `(?:(?<count>\\d+|${NUMERAL})个?村)?` +
    '(?:[（(](?:牵头单位|牵头)[:：](?<lead>.+?)[)）])?$',
);

/** A section row's text → its context. */
export function parseSectionTitle(title: string): SectionContext {
  const text = title.replace(/[\s\u00a0\u3000]+/g, '');
  const ctx: SectionContext = { section: null, title, district: null, street: null, declaredCount: null, leadUnit: null };
  const num = SECTION_NUMBER.exec(text);
  if (!num) return ctx;
  ctx.section = parseChineseNumeral(num[1]!);
  const m = SECTION_BODY.exec(text.slice(num[0].length));
  if (!m?.groups) return ctx;
  const g = m.groups;
  ctx.district = g.district ?? null;
  ctx.street = g.street ?? null;
  ctx.declaredCount = g.count === undefined ? null : parseChineseNumeral(g.count);
  ctx.leadUnit = g.lead ?? null;
  return ctx;
}

/** '市委办公厅、汉口银行' → ['市委办公厅', '汉口银行'] (trimmed, empty pieces dropped). */
export function splitUnits(text: string, settings: RecordSettings = RECORD_SETTINGS): string[] {
  return text
    .split(settings.unitSeparator)
    .map((u) => u.trim())
    .filter((u) => u !== '');
}

/** A village-assignment table → records (zod-validated) and findings for unreadable 序号. */
export function villageTableToRecords(
  table: Table,
  columns: VillageColumns,
  settings: RecordSettings = RECORD_SETTINGS,
): { records: VillageAssignment[]; findings: Finding[] } {
  const records: VillageAssignment[] = [];
  const findings: Finding[] = [];
  let ctx: SectionContext | null = null;
  table.rows.forEach((row, r) => {
    if (table.rowKinds[r] === 'section') {
      ctx = parseSectionTitle(row.find((c) => c.trim() !== '') ?? '');
      return;
    }
    const seqText = row[columns.seq] ?? '';
    const seq = parseInteger(seqText);
    if (seq === null) findings.push(unparseableFinding(table, r, columns.seq, 'a 序号'));
    const c: SectionContext | null = ctx;
    records.push(
      {
        kind: 'village-assignment',
        table: table.id,
        row: r,
        ...rowSource(table, r),
        seq,
        section: c?.section ?? null,
        sectionTitle: c?.title ?? null,
        district: c?.district ?? null,
        street: c?.street ?? null,
        declaredCount: c?.declaredCount ?? null,
        leadUnit: c?.leadUnit ?? null,
        units: splitUnits(slotText(table, r, columns.units), settings),
        village: slotText(table, r, columns.village),
        ...rowTotalFlags(row, columns.seq, settings),
      } satisfies VillageAssignment,
    );
  });
  return { records, findings };
}
