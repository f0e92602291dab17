/**
 * The planted-error variants of the seed notice (issue #3): each is the seed text with ONE
 * deliberate inconsistency, printed like `seed` but with only the 公文 the finding needs, and the
 * finding a checker must report. Sample-generator code: it names seed strings on purpose.
 */

/** A finding the checks must report, located in the printed PDF by its evidence text. */
export interface EvidenceSpec {
  rule: string;
  /** evidence text as printed (spaces between CJK and digits kept), e.g. a cell or a phrase */
  text: string;
  /** 'line' = a whole printed line (a table cell); 'phrase' = inside prose @default 'phrase' */
  mode?: 'line' | 'phrase';
  /** occurrence in document order when the text is printed more than once */
  nth?: number;
  expected: string | number | null;
  actual: string | number | null;
  /** the other side of the inconsistency: places the finding may also cite */
  related?: { text: string; mode?: 'line' | 'phrase'; nth?: number }[];
  note?: string;
}

export interface PlantedVariant {
  /** directory and file name: samples/planted-<name>/planted-<name>.pdf */
  name: string;
  description: string;
  /** replacements on the seed text; each `from` must occur exactly once */
  edits: { from: string; to: string }[];
  /** which 公文 of the seed to print: 0 budget note, 1 武办文〔2021〕40号, 2 武办文〔2021〕33号 */
  parts: (0 | 1 | 2)[];
  /** substrings of the PDF text (whitespace removed) that must be there / must not */
  present: string[];
  absent: string[];
  /** printed lines (whitespace removed, pdf.js items on one baseline) none of which may equal these */
  absentLines?: string[];
  expected: EvidenceSpec[];
  alsoExpected: EvidenceSpec[];
  notes: string[];
}

// ── the seed's own inconsistencies, per printed part ──

const BUDGET_OWN: EvidenceSpec[] = [
  {
    rule: 'year.mismatch',
    text: '汉阳区 2022 年乡村振兴和结对帮扶资金预算安排情况',
    mode: 'line',
    expected: 2023,
    actual: 2022,
    related: [{ text: '汉阳区 2023 年乡村振兴和结对帮扶资金' }],
    note: 'seed: the table caption says 2022, the note title and text say 2023',
  },
  {
    rule: 'year.mismatch',
    text: '《汉阳区 2022 年乡村振兴资金预算安排情况表》',
    expected: 2023,
    actual: 2022,
    note: 'seed: attachment 1 in the 附件 list says 2022 (may be reported with the caption in one finding)',
  },
];
const BUDGET_NOTES = [
  "seed oddities that are not findings of the rules above: the note cites '武办文[2021]40 号' with square brackets and a title without '向' (the 40号 title is '…关于做好向重点乡村…'); attachment 1 is listed as '…乡村振兴资金预算安排情况表' but the attached table's caption is '…乡村振兴和结对帮扶资金预算安排情况'",
];

const PAIRING_OWN: EvidenceSpec[] = [
  {
    rule: 'format.list-separator',
    text: '洪山区 东湖生态旅游风景区',
    mode: 'line',
    expected: '、',
    actual: ' ',
    note: 'seed: 恩施州建始县 row separates its two districts with a space',
  },
  {
    rule: 'duplicate.passage',
    text: '展全民健康信息平台建设',
    nth: 1,
    expected: null,
    actual: null,
    related: [{ text: '展全民健康信息平台建设', nth: 0 }],
    note: "seed: the 方案 prints one page twice (the copies differ only in '急缺人才' / '急需人才'); the rule id is a guess — use whatever id the page-repeat check has",
  },
];
const PAIRING_NOTES = [
  "'武汉经济技术开发区 (汉南区)' and '武汉临空港经济技术开发区 (东西湖区)' hold a space before an ASCII parenthesis: not a list separator",
];

const VILLAGE_NOTES = [
  "seed oddities that are not findings: '十三、新洲区旧街街 15 村' has no '个' (its count, 15, is right); sections 十八–二十 print '7个村' with no spaces",
  "the same village name in DIFFERENT sections is not a duplicate row: 大屋畈村 (rows 12 and 80, same 派出单位, streets 姚家集街 and 蔡家榨街), 群力村, 竹园村, 红星村, 三合村",
];

export const PLANTED: readonly PlantedVariant[] = [
  {
    name: 'total',
    description: "budget table: 合计 2368 → 2386 (rows 618 + 1750 = 2368; the text still says 共计 2368 万元)",
    edits: [{ from: '合 计\t\t\t2368', to: '合 计\t\t\t2386' }],
    parts: [0],
    present: ['合计2386', '共计2368万元'],
    absent: ['合计2368'],
    expected: [
      {
        rule: 'sum.total-mismatch',
        text: '2386',
        mode: 'line',
        expected: 2368,
        actual: 2386,
        related: [{ text: '618', mode: 'line' }, { text: '1750', mode: 'line' }, { text: '共计 2368 万元' }],
        note: "the 合计 cell is not 618 + 1750; it also disagrees with the text's 共计 2368 万元 (may be a second finding citing both)",
      },
    ],
    alsoExpected: BUDGET_OWN,
    notes: BUDGET_NOTES,
  },
  {
    name: 'year',
    description:
      "budget note: the seed's own year slip is fixed (attachment 1 says 2023) and the table caption says 2024 instead of 2022",
    edits: [
      { from: '附件：1、《汉阳区 2022 年乡村振兴资金预算安排情况表》', to: '附件：1、《汉阳区 2023 年乡村振兴资金预算安排情况表》' },
      { from: '汉阳区 2022 年乡村振兴和结对帮扶资金预算安排情况', to: '汉阳区 2024 年乡村振兴和结对帮扶资金预算安排情况' },
    ],
    parts: [0],
    present: ['汉阳区2024年乡村振兴和结对帮扶资金预算安排情况', '《汉阳区2023年乡村振兴资金预算安排情况表》'],
    absent: ['2022年'],
    expected: [
      {
        rule: 'year.mismatch',
        text: '汉阳区 2024 年乡村振兴和结对帮扶资金预算安排情况',
        mode: 'line',
        expected: 2023,
        actual: 2024,
        related: [{ text: '汉阳区 2023 年乡村振兴和结对帮扶资金' }, { text: '《汉阳区 2023 年乡村振兴资金预算安排情况表》' }],
      },
    ],
    alsoExpected: [],
    notes: BUDGET_NOTES,
  },
  {
    name: 'section-count',
    description: "village table: section 五 declares '11 个村' but lists 10 (序号 73–82)",
    edits: [{ from: '五、黄陂区蔡家榨街 10 个村', to: '五、黄陂区蔡家榨街 11 个村' }],
    parts: [1],
    present: ['五、黄陂区蔡家榨街11个村（牵头单位：市纪委监委机关）'],
    absent: ['蔡家榨街10个村'],
    expected: [
      {
        rule: 'section.count-mismatch',
        text: '五、黄陂区蔡家榨街 11 个村（牵头单位：市纪委监委机关）',
        mode: 'line',
        expected: 10,
        actual: 11,
        note: 'expected = rows under the section, actual = the count it declares; the rule id is a guess',
      },
    ],
    alsoExpected: [],
    notes: VILLAGE_NOTES,
  },
  {
    name: 'seq-gap',
    description: "village table: row 100 (江岸区 万寿寺村) deleted and section 七 declares 9 villages, so only 序号 jumps 99 → 101",
    edits: [
      { from: '100\t江岸区\t万寿寺村\n', to: '' },
      { from: '七、黄陂区王家河街 10 个村', to: '七、黄陂区王家河街 9 个村' },
    ],
    parts: [1],
    present: ['七、黄陂区王家河街9个村', '99江岸区大陂村', '101江岸区大雨尖村'],
    absent: ['万寿寺村', '100江岸区'],
    expected: [{ rule: 'sequence.gap', text: '101', mode: 'line', expected: 100, actual: 101, related: [{ text: '99', mode: 'line' }] }],
    alsoExpected: [],
    notes: VILLAGE_NOTES,
  },
  {
    name: 'dup-village',
    description: 'village table: row 102 李寨村 renamed 大雨尖村, the village of row 101 in the same section 七 (same 派出单位 江岸区)',
    edits: [{ from: '102\t江岸区\t李寨村', to: '102\t江岸区\t大雨尖村' }],
    parts: [1],
    present: ['101江岸区大雨尖村', '102江岸区大雨尖村'],
    absent: ['李寨村'],
    expected: [
      {
        rule: 'duplicate.row',
        text: '大雨尖村',
        mode: 'line',
        nth: 1,
        expected: null,
        actual: '大雨尖村',
        related: [{ text: '大雨尖村', mode: 'line', nth: 0 }],
        note: 'rows 101 and 102 of section 七 hold the same 派出单位 and 派驻村; evidence = the second one',
      },
    ],
    alsoExpected: [],
    notes: VILLAGE_NOTES,
  },
  {
    name: 'third-district',
    description: "pairing table: 恩施州巴东县 gets a third district (硚口区、黄陂区、新洲区) against the text's '1—2个区结对帮扶1个县（市）'",
    edits: [{ from: '恩施州巴东县\t硚口区、黄陂区', to: '恩施州巴东县\t硚口区、黄陂区、新洲区' }],
    parts: [2],
    present: ['恩施州巴东县硚口区、黄陂区、新洲区', '全市15个区', '1—2个区结对帮扶1个县（市）'],
    absent: [],
    absentLines: ['恩施州巴东县硚口区、黄陂区'],
    expected: [
      {
        rule: 'pairing.too-many',
        text: '硚口区、黄陂区、新洲区',
        mode: 'line',
        expected: 2,
        actual: 3,
        related: [{ text: '1—2个区结对帮扶1个县（市）' }],
      },
    ],
    alsoExpected: PAIRING_OWN,
    notes: [
      ...PAIRING_NOTES,
      "新洲区 is already paired with 恩施州鹤峰县, so the table still names 15 distinct districts and '全市15个区' holds (no count.claim-mismatch); 新洲区 now serves two counties, which no rule forbids",
    ],
  },
  {
    name: 'space-separator',
    description: "pairing table: 恩施州宣恩县's districts separated by a space ('江汉区 青山区') instead of '、'",
    edits: [{ from: '恩施州宣恩县\t江汉区、青山区', to: '恩施州宣恩县\t江汉区 青山区' }],
    parts: [2],
    present: ['恩施州宣恩县江汉区青山区'],
    absent: ['江汉区、青山区'],
    expected: [{ rule: 'format.list-separator', text: '江汉区 青山区', mode: 'line', expected: '、', actual: ' ' }],
    alsoExpected: PAIRING_OWN,
    notes: [
      ...PAIRING_NOTES,
      "a reader that does not split '江汉区 青山区' sees 14 districts against '全市15个区' (count.claim-mismatch would then be a consequence of this finding, not a separate error)",
    ],
  },
  {
    name: 'count-claim',
    description: "方案 text: '全市16个区（含开发区、风景区）' while the pairing table names 15 distinct districts",
    edits: [{ from: '全市15个区', to: '全市16个区' }],
    parts: [2],
    present: ['全市16个区（含开发区、风景区）'],
    absent: ['全市15个区'],
    expected: [
      {
        rule: 'count.claim-mismatch',
        text: '全市16个区',
        expected: 15,
        actual: 16,
        note: "expected = distinct districts in the pairing table (洪山区 and 东湖生态旅游风景区 counted apart), actual = the claim",
      },
    ],
    alsoExpected: PAIRING_OWN,
    notes: PAIRING_NOTES,
  },
  {
    name: 'text-sum',
    description: "budget note text: '共计 2386 万元' while its parts are 618 + 1750 = 2368 (the table's 合计 stays 2368)",
    edits: [{ from: '共计 2368 万元', to: '共计 2386 万元' }],
    parts: [0],
    present: ['共计2386万元', '合计2368'],
    absent: ['共计2368万元'],
    expected: [
      {
        rule: 'sum.total-mismatch',
        text: '共计 2386 万元',
        expected: 2368,
        actual: 2386,
        related: [{ text: '共 618 万元' }, { text: '1750 万元' }, { text: '2368', mode: 'line' }],
        note: "the text's total is not its parts 618 + 1750, nor the table's 合计 2368 (may be a second finding citing both)",
      },
    ],
    alsoExpected: BUDGET_OWN,
    notes: BUDGET_NOTES,
  },
];
