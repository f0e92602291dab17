/**
 * A minimal tables → records adapter for the check tests only (src/records is written in
 * parallel). It recognises the three seed table shapes by header and leaves the rest alone. District
 * cells are split on '、' only, like a records stage that does not guess other separators.
 */
import type { AnyRecord } from '../../src/model/records.ts';
import type { Table } from '../../src/model/types.ts';

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnNumber(s: string): number {
  if (s.startsWith('十')) return 10 + (CN[s[1] ?? ''] ?? 0);
  if (s.includes('十')) return (CN[s[0]!] ?? 0) * 10 + (CN[s[2] ?? ''] ?? 0);
  return CN[s] ?? 0;
}

const tight = (s: string) => s.replace(/\s+/g, '');

export function tablesToRecords(tables: readonly Table[]): AnyRecord[] {
  const out: AnyRecord[] = [];
  for (const t of tables) {
    const header = t.header.map(tight).join('|');
    if (header === '序号|派出单位|派驻村') {
      let section: Extract<AnyRecord, { kind: 'village-assignment' }> | null = null;
      t.rows.forEach((row, r) => {
        if (t.rowKinds[r] === 'section') {
          const title = tight(row[0] ?? '');
          const m = /^([一二三四五六七八九十]+)、(.+?区)(.+?(?:街|乡|镇))(\d+)个?村/.exec(title);
          section = {
            kind: 'village-assignment', table: t.id, row: r, page: null, bbox: null, seq: null,
            section: m ? cnNumber(m[1]!) : null, sectionTitle: row[0] ?? '',
            district: m?.[2] ?? null, street: m?.[3] ?? null,
            declaredCount: m ? Number(m[4]) : null,
            leadUnit: /牵头单位：(.+?)）/.exec(title)?.[1] ?? null,
            units: [], village: '', isTotal: false, isSubtotal: false,
          };
          return;
        }
        out.push({
          ...(section ?? { kind: 'village-assignment', table: t.id, section: null, sectionTitle: null, district: null, street: null, declaredCount: null, leadUnit: null }),
          kind: 'village-assignment', table: t.id, row: r, page: null, bbox: null,
          seq: /^\d+$/.test(tight(row[0] ?? '')) ? Number(tight(row[0] ?? '')) : null,
          units: (row[1] ?? '').split('、'), village: tight(row[2] ?? ''), isTotal: false, isSubtotal: false,
        } as AnyRecord);
      });
    } else if (header === '重点帮扶地区|结对帮扶区') {
      t.rows.forEach((row, r) => {
        const m = /^(.+?[州市])(.+[县市])$/.exec(tight(row[0] ?? ''));
        for (const district of (row[1] ?? '').split('、')) {
          out.push({ kind: 'pairing', table: t.id, row: r, page: null, bbox: null, prefecture: m?.[1] ?? null, county: m?.[2] ?? tight(row[0] ?? ''), district: district.trim(), isTotal: false, isSubtotal: false });
        }
      });
    } else if (header === '级次|预算单位|项目名称|预算数') {
      t.rows.forEach((row, r) => {
        const isTotal = /^(合计|总计|小计)$/.test(tight(row[0] ?? ''));
        out.push({
          kind: 'budget-line', table: t.id, row: r, page: null, bbox: null, level: isTotal ? null : row[0] ?? null,
          budgetUnit: row[1] || null, project: row[2] || null,
          amount: Number(row[3]) || null, amountUnit: '万元', amountYuan: Number(row[3]) ? Number(row[3]) * 1e4 : null,
          isTotal: isTotal && !tight(row[0] ?? '').includes('小计'), isSubtotal: isTotal && tight(row[0] ?? '').includes('小计'),
        });
      });
    }
  }
  return out;
}
