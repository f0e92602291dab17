/**
 * Settings of the records stage: the header words that make a table's signature and the patterns
 * that read its cells. Matching is done on header PARTS (a multi-row header '补助资金（万元）/中央资金'
 * has the parts '补助资金（万元）' and '中央资金') with all whitespace removed.
 */

export interface RecordSettings {
  /** 序号 column. @default /^(序号|编号|序)$/ */
  readonly seq: RegExp;
  /** an organisation column of a budget table. @default /^(预算)?(单位|部门)(名称)?$|^(预算|主管|执行)(单位|部门)/ */
  readonly budgetUnit: RegExp;
  /** an amount column. @default /预算数|预算额|金额|资金|经费|拨款|支出|[（(](万元|亿元|元)[)）]|^(万元|亿元|元)$/ */
  readonly amount: RegExp;
  /** 级次 column. @default /^(级次|级别|层级|预算级次)$/ */
  readonly level: RegExp;
  /** 项目名称 column. @default /^(项目名称|项目|资金项目|项目内容)$/ */
  readonly project: RegExp;
  /**
   * Whether a budget-line table needs an organisation column (预算单位/单位/部门). When false, a
   * 项目 column plus an amount column is enough. @default true
   */
  readonly budgetNeedsUnitColumn: boolean;
  /** 派出单位 column of a village-assignment table. @default /(派出|选派|帮扶|驻村)?单位(名称)?$/ */
  readonly sendingUnit: RegExp;
  /** 派驻村 column. @default /^(派驻|所驻|驻点|帮扶|结对)?村(名|名称)?$|驻村$|^村名/ */
  readonly village: RegExp;
  /** the aided area of a pairing table (重点帮扶地区). @default /帮扶(地区|县|县市|对象)$|受援|被帮扶/ */
  readonly aidedArea: RegExp;
  /** the helping side of a pairing table (结对帮扶区). @default /^结对(帮扶)?(区|单位|地区|城区)$|^帮扶(区|单位|城区)$/ */
  readonly helper: RegExp;
  /** a total row's text cell (spaces removed). @default /^(总合计|合计|总计|小计)|(合计|总计|小计)[:：]?$/ */
  readonly total: RegExp;
  /**
   * a cell that is only a total label (spaces removed): left out when typing its column, so a
   * 序号 column with '合计' in the totals row stays numeric (the row is flagged isTotal instead).
   * @default /^(总合计|合计|总计|小计)[:：]?$/
   */
  readonly totalLabel: RegExp;
  /** separators of a unit list in a village-assignment cell. @default /、/ */
  readonly unitSeparator: RegExp;
}

export const RECORD_SETTINGS: RecordSettings = {
  seq: /^(序号|编号|序)$/,
  budgetUnit: /^(预算)?(单位|部门)(名称)?$|^(预算|主管|执行)(单位|部门)/,
  amount: /预算数|预算额|金额|资金|经费|拨款|支出|[（(](万元|亿元|元)[)）]|^(万元|亿元|元)$/,
  level: /^(级次|级别|层级|预算级次)$/,
  project: /^(项目名称|项目|资金项目|项目内容)$/,
  budgetNeedsUnitColumn: true,
  sendingUnit: /(派出|选派|帮扶|驻村)?单位(名称)?$/,
  village: /^(派驻|所驻|驻点|帮扶|结对)?村(名|名称)?$|驻村$|^村名/,
  aidedArea: /帮扶(地区|县|县市|对象)$|受援|被帮扶/,
  helper: /^结对(帮扶)?(区|单位|地区|城区)$|^帮扶(区|单位|城区)$/,
  total: /^(总合计|合计|总计|小计)|(合计|总计|小计)[:：]?$/,
  totalLabel: /^(总合计|合计|总计|小计)[:：]?$/,
  unitSeparator: /、/,
};
