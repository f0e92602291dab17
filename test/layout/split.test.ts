import { describe, expect, it } from 'vitest';
import type { TextItem } from '../../src/model/types.ts';
import { itemsToLines, removeRunningLines, splitGongwen } from '../../src/layout/index.ts';
import { BODY, LEFT, RIGHT, TITLE, footer, info, paragraph, placed, run, shuffle } from './build.ts';

const HEADER = 26;

/** A right-aligned line (signature block), ending four characters before the right margin. */
function right(text: string, top: number, page: number): TextItem[] {
  return placed(text, top, page, 'right');
}

/** Pages of a PDF holding a note without 文号 and two notices (red header, 文号, title, signature, 印发 line). */
function threeDocuments(): TextItem[][] {
  const p1: TextItem[] = [
    ...placed('某区 2023 年乡村振兴和结对帮扶资金', 90, 1, 'centre', TITLE),
    ...placed('预算安排情况说明', 124, 1, 'centre', TITLE),
  ];
  const body1 = paragraph(
    '根据《中共某某市委办公厅关于做好重点乡村驻村工作的通知》（武办文[2021]40 号）等文件精神，某区年初预算安排乡村振兴和结对帮扶资金共计 2368 万元。',
    180,
    1,
  );
  p1.push(...body1.items);
  let y = body1.next;
  p1.push(...run('附件：1、《某区 2022 年乡村振兴资金预算安排情况表》', LEFT + 2 * BODY, y, 1));
  p1.push(...run('2、《中共某某市委办公厅关于做好重点乡村驻村', LEFT + 5 * BODY, (y += 28), 1)); // reaches the margin
  p1.push(...run('第一书记和工作队的通知》（武办文[2021]40 号）', LEFT, (y += 28), 1));
  p1.push(...footer('— 1 —', 1));

  const p2: TextItem[] = [...placed('附件：', 90, 2, 'left'), ...placed('某区 2022 年乡村振兴资金预算安排情况表', 130, 2, 'centre'), ...footer('- 2 -', 2)];

  const p3: TextItem[] = [
    ...placed('某某省人民政府办公厅文件', 110, 3, 'centre', HEADER),
    ...placed('某政办发〔2022〕15号', 180, 3, 'centre'),
    ...placed('某某省人民政府办公厅关于进一步做好', 230, 3, 'centre', TITLE),
    ...placed('驻村帮扶工作的通知', 264, 3, 'centre', TITLE),
    ...placed('各市、州人民政府，省政府各部门：', 310, 3, 'left'),
  ];
  const body3 = paragraph(
    '为贯彻落实《国务院办公厅关于做好驻村帮扶工作的意见》（国办发〔2021〕7号）精神，现就有关事项通知如下，请结合实际认真执行，并参照',
    338,
    3,
  );
  p3.push(...body3.items);
  y = body3.next;
  p3.push(...run('鄂办发〔2021〕17号', LEFT, y, 3)); // a citation wrapped onto its own line
  p3.push(...run('附件：某某驻村工作力量安排一览表', LEFT + 2 * BODY, (y += 28), 3));
  p3.push(...right('某某省人民政府办公厅', (y += 56), 3));
  p3.push(...right('2022年3月5日', (y += 28), 3));
  p3.push(...footer('- 3 -', 3));

  const p4: TextItem[] = [
    ...placed('附件', 90, 4, 'left'),
    ...placed('某某驻村工作力量安排一览表', 130, 4, 'centre', TITLE),
    ...placed('某某省人民政府办公厅', 740, 4, 'left', 14),
    ...run('2022年3月7日印发', 400, 740, 4, 14),
    ...footer('- 4 -', 4),
  ];

  const p5: TextItem[] = [
    ...placed('某某市财政局', 100, 5, 'centre', HEADER),
    ...placed('某某市农业农村局文件', 140, 5, 'centre', HEADER),
    ...placed('汉财发［2023］ 8 号', 200, 5, 'centre'),
    ...placed('关于印发《某某市结对帮扶资金管理', 250, 5, 'centre', TITLE),
    ...placed('办法》的通知', 284, 5, 'centre', TITLE),
    ...placed('各区财政局、农业农村局：', 330, 5, 'left'),
    ...paragraph('现将《某某市结对帮扶资金管理办法》印发给你们，请认真遵照执行。', 358, 5).items,
    ...right('某某市财政局', 500, 5),
    ...right('某某市农业农村局', 528, 5),
    ...right('二〇二三年五月十二日', 556, 5),
    ...footer('第 5 页', 5),
  ];

  const p6: TextItem[] = [
    ...placed('某某市结对帮扶资金管理办法', 90, 6, 'centre', TITLE),
    ...paragraph('第一条 为规范结对帮扶资金管理，提高资金使用效益，制定本办法。', 140, 6).items,
    ...placed('某某市财政局办公室', 740, 6, 'left', 14),
    ...run('2023年5月15日印发', 400, 740, 6, 14),
    ...footer('第 6 页', 6),
  ];
  return [p1, p2, p3, p4, p5, p6];
}

function split(pages: TextItem[][]) {
  const running = removeRunningLines(pages.map((items, i) => ({ info: info(i + 1), lines: itemsToLines(shuffle(items, i + 3)) })));
  return { running, docs: splitGongwen(running.pages.map((lines, i) => ({ page: i + 1, lines }))) };
}

describe('splitGongwen', () => {
  it('finds a note and two notices with their 文号, titles, issuers, dates, pages and attachments', () => {
    const { running, docs } = split(threeDocuments());
    expect(running.removed.map((l) => l.text)).toEqual(['— 1 —', '- 2 -', '- 3 -', '- 4 -', '第 5 页', '第 6 页']);
    expect(docs).toHaveLength(3);
    expect(docs[0]).toEqual({
      index: 0,
      docNumber: null,
      title: '某区 2023 年乡村振兴和结对帮扶资金预算安排情况说明',
      issuers: [],
      signDate: null,
      printDate: null,
      pageFrom: 1,
      pageTo: 2,
      attachments: [
        '《某区 2022 年乡村振兴资金预算安排情况表》',
        '《中共某某市委办公厅关于做好重点乡村驻村第一书记和工作队的通知》（武办文[2021]40 号）',
      ],
    });
    expect(docs[1]).toEqual({
      index: 1,
      docNumber: { raw: '某政办发〔2022〕15号', normalized: '某政办发〔2022〕15号', prefix: '某政办发', year: 2022, serial: 15 },
      title: '某某省人民政府办公厅关于进一步做好驻村帮扶工作的通知',
      issuers: ['某某省人民政府办公厅'],
      signDate: '2022-03-05',
      printDate: '2022-03-07',
      pageFrom: 3,
      pageTo: 4,
      attachments: ['某某驻村工作力量安排一览表'],
    });
    expect(docs[2]).toEqual({
      index: 2,
      docNumber: { raw: '汉财发［2023］ 8 号', normalized: '汉财发〔2023〕8号', prefix: '汉财发', year: 2023, serial: 8 },
      title: '关于印发《某某市结对帮扶资金管理办法》的通知',
      issuers: ['某某市财政局', '某某市农业农村局'],
      signDate: '2023-05-12',
      printDate: '2023-05-15',
      pageFrom: 5,
      pageTo: 6,
      attachments: [],
    });
  });

  it('starts a 公文 at a title on the page after an 印发 line, and takes red-header issuers without a signature', () => {
    const pages = threeDocuments();
    pages.push([
      ...placed('某某市关于结对帮扶资金', 90, 7, 'centre', TITLE),
      ...placed('监管情况的说明', 124, 7, 'centre', TITLE),
      ...paragraph('今年以来，全市结对帮扶资金监管工作总体平稳，现将有关情况说明如下。', 180, 7).items,
    ]);
    pages.push([
      ...placed('某某县人民政府', 100, 8, 'centre', HEADER),
      ...placed('某政发〔2024〕3号', 160, 8, 'centre'),
      ...placed('关于某某事项的批复', 210, 8, 'centre', TITLE),
      ...placed('某某乡人民政府：', 260, 8, 'left'),
      ...paragraph('你乡报来的请示收悉，经研究，同意所请事项。', 288, 8).items,
    ]);
    const { docs } = split(pages);
    expect(docs.map((d) => [d.docNumber?.normalized ?? null, d.title, d.pageFrom, d.pageTo])).toEqual([
      [null, '某区 2023 年乡村振兴和结对帮扶资金预算安排情况说明', 1, 2],
      ['某政办发〔2022〕15号', '某某省人民政府办公厅关于进一步做好驻村帮扶工作的通知', 3, 4],
      ['汉财发〔2023〕8号', '关于印发《某某市结对帮扶资金管理办法》的通知', 5, 6],
      [null, '某某市关于结对帮扶资金监管情况的说明', 7, 7],
      ['某政发〔2024〕3号', '关于某某事项的批复', 8, 8],
    ]);
    expect(docs[4]!.issuers).toEqual(['某某县人民政府']);
    expect(docs[4]!.signDate).toBeNull();
  });

  it('does not take a 文号 cited in prose, even on a line of its own', () => {
    const items = [
      ...placed('关于某某工作的情况报告', 90, 1, 'centre', TITLE),
      ...paragraph('根据《关于做好某某工作的通知》精神，现报告如下，文件编号为', 140, 1).items,
      ...run('国办发〔2021〕7号', LEFT, 196, 1),
      ...run('（国办发〔2021〕7号）', LEFT, 224, 1),
    ];
    const docs = splitGongwen([{ page: 1, lines: itemsToLines(items) }]);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.docNumber).toBeNull();
    expect(docs[0]!.title).toBe('关于某某工作的情况报告');
  });

  it('takes a 文号 alone at the top of a page (no red header) and covers pages without prose', () => {
    const docs = splitGongwen([
      { page: 1, lines: itemsToLines(paragraph('说明文字，说明文字。', 100, 1).items) },
      {
        page: 2,
        lines: itemsToLines([
          ...run('鄂政办函〔2020〕21号', RIGHT - 200, 80, 2),
          ...placed('关于同意某某事项的函', 130, 2, 'centre', TITLE),
          ...placed('某某市人民政府：', 180, 2, 'left'),
          ...paragraph('你市《关于某某事项的请示》收悉。经省人民政府同意，现函复如下：同意你市开展某某事项试点工作，请认真组织实施，确保取得实效。', 208, 2).items,
          ...right('某某省人民政府办公厅', 400, 2),
          ...right('2020年6月1日', 428, 2),
        ]),
      },
      { page: 3, lines: [] },
    ]);
    expect(docs.map((d) => [d.docNumber?.normalized ?? null, d.title, d.issuers, d.signDate, d.pageFrom, d.pageTo])).toEqual([
      [null, null, [], null, 1, 1],
      ['鄂政办函〔2020〕21号', '关于同意某某事项的函', ['某某省人民政府办公厅'], '2020-06-01', 2, 3],
    ]);
  });

  it('keeps a 文号 printed under its title with that title (one 公文, not two)', () => {
    const docs = splitGongwen([
      {
        page: 1,
        lines: itemsToLines([
          ...placed('关于下达某某专项资金的通知', 90, 1, 'centre', TITLE),
          ...placed('某财建发〔2025〕12号', 130, 1, 'centre'),
          ...placed('各市、州、县财政局：', 170, 1, 'left'),
          ...paragraph('根据省委、省政府部署，现将某某专项资金下达给你们，请按规定使用，确保资金安全。', 198, 1).items,
          ...right('某某省财政厅', 300, 1),
          ...right('2025年3月1日', 328, 1),
        ]),
      },
    ]);
    expect(docs.map((d) => [d.docNumber?.normalized ?? null, d.title, d.issuers, d.signDate])).toEqual([
      ['某财建发〔2025〕12号', '关于下达某某专项资金的通知', ['某某省财政厅'], '2025-03-01'],
    ]);
  });

  it('reads a 上行文 header (文号 with 签发人) and a joint red header with a separate 文件', () => {
    const body = (page: number, top: number) =>
      paragraph('现将有关情况报告如下，请审阅。各项工作均按计划推进，取得阶段性成效，下一步将继续抓好落实。', top, page).items;
    const docs = splitGongwen([
      {
        page: 1,
        lines: itemsToLines([
          ...placed('某某省人民政府文件', 100, 1, 'centre', HEADER),
          ...run('某政发〔2023〕5号', LEFT + 2 * BODY, 170, 1),
          ...run('签发人：张三', RIGHT - 6 * BODY, 170, 1),
          ...placed('关于某某工作情况的报告', 220, 1, 'centre', TITLE),
          ...placed('国务院：', 270, 1, 'left'),
          ...body(1, 298),
        ]),
      },
      {
        page: 2,
        lines: itemsToLines([
          ...placed('某某市财政局', 100, 2, 'centre', HEADER),
          ...run('文件', 420, 120, 2, 34),
          ...placed('某某市教育局', 140, 2, 'centre', HEADER),
          ...placed('某财教〔2023〕11号', 200, 2, 'centre'),
          ...placed('关于某某经费的通知', 250, 2, 'centre', TITLE),
          ...body(2, 300),
        ]),
      },
    ]);
    expect(docs.map((d) => [d.docNumber?.normalized, d.title, d.issuers, d.pageFrom, d.pageTo])).toEqual([
      ['某政发〔2023〕5号', '关于某某工作情况的报告', ['某某省人民政府'], 1, 1],
      ['某财教〔2023〕11号', '关于某某经费的通知', ['某某市财政局', '某某市教育局'], 2, 2],
    ]);
  });

  it('returns no 公文 for no pages', () => {
    expect(splitGongwen([])).toEqual([]);
  });
});
