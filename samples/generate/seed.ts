/**
 * Samples `seed` (AR PL UMing CN → embedded TrueType subsets with ToUnicode) and `seed-type3`
 * (Noto Serif CJK SC → Type 3 fonts whose text carries Kangxi-radical code points): the whole seed
 * notice as three 公文, each printed by Chromium on its own (so each restarts its page numbers, as
 * the originals do), then concatenated with qpdf into one PDF.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blocksToHtml } from './gongwen-html.ts';
import { readSeed } from './seed-parse.ts';
import { seedToModel } from './seed-model.ts';
import { chromiumPrint, pageCount, pageTexts, pdfjsPageTexts, qpdfMerge, radicalsIn, tempDir, writeJson } from './tools.ts';
import type { ExpectedDocument, ExpectedTable, TextFacts } from './expected-types.ts';

const FONTS = {
  seed: "'AR PL UMing CN'",
  'seed-type3': "'Noto Serif CJK SC'",
} as const;

/** Pages (1-based) whose text contains `needle`, searching from page `from`. */
function pagesWith(texts: readonly string[], needle: string, from = 1): number[] {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const n = squash(needle);
  return texts.flatMap((t, i) => (i + 1 >= from && squash(t).includes(n) ? [i + 1] : []));
}

export async function buildSeed(root: string, name: keyof typeof FONTS): Promise<void> {
  const model = seedToModel(readSeed(join(root, 'samples/seed-source/notice.txt')));
  const outDir = join(root, 'samples', name);
  const srcDir = join(outDir, 'source');
  mkdirSync(srcDir, { recursive: true });
  const tmp = tempDir('gw-seed-');
  try {
    const parts: string[] = [];
    const counts: number[] = [];
    model.docs.forEach((blocks, k) => {
      const html = blocksToHtml(blocks, { font: FONTS[name], footer: '"— " counter(page) " —"', footerSide: 'outer' }, `seed part ${k + 1}`);
      const htmlPath = join(srcDir, `part${k + 1}.html`);
      writeFileSync(htmlPath, html);
      const pdf = join(tmp.dir, `part${k + 1}.pdf`);
      chromiumPrint(htmlPath, pdf);
      parts.push(pdf);
      counts.push(pageCount(pdf));
    });
    const pdfPath = join(outDir, `${name}.pdf`);
    qpdfMerge(parts, pdfPath);
    const texts = pageTexts(pdfPath);

    let first = 1;
    const documents: ExpectedDocument[] = model.documents.map((d, k) => {
      const doc = { ...d, pageFrom: first, pageTo: first + counts[k]! - 1 };
      first += counts[k]!;
      return doc;
    });

    // table pages: from the page of its header row (inside its document) to the page of the last row
    const tables: ExpectedTable[] = model.tables.map((t, k) => {
      const doc = documents[[0, 1, 2][k]!]!;
      const from = pagesWith(texts, t.header.join(''), doc.pageFrom).find((p) => p <= doc.pageTo)!;
      const lastRow = t.rows[t.rows.length - 1]!;
      const to = pagesWith(texts, lastRow[lastRow.length - 1]!, from).find((p) => p <= doc.pageTo)!;
      return { ...t, pages: Array.from({ length: to - from + 1 }, (_, i) => from + i) };
    });

    // the repeated page of the seed: '急缺' and '急需' on consecutive pages, same first words
    const a = pagesWith(texts, '方面急缺人才');
    const b = pagesWith(texts, '方面急需人才');
    if (a.length !== 1 || b.length !== 1 || b[0] !== a[0]! + 1) throw new Error(`repeated page not found: ${a} / ${b}`);
    for (const p of [a[0]!, b[0]!]) {
      if (!texts[p - 1]!.trimStart().startsWith('展全民健康信息平台建设')) throw new Error(`page ${p} does not start like the repeated seed page`);
    }

    const pages = texts.length;
    const footers: string[] = [];
    for (const c of counts) for (let p = 1; p <= c; p++) footers.push(`— ${p} —`);
    const facts: TextFacts = {
      pages,
      mustContain: [
        '武办文〔2021〕40号',
        '武办文〔2021〕33号',
        '各区委，警备区党委，市委各部委',
        '2021年8月23日',
        '2021年8月24日印发',
        '2021年7月2日',
        '方面急缺人才',
        '方面急需人才',
        '武汉市结对帮扶恩施州和宜昌市五峰县工作方案',
      ],
      mustContainExact: ['汉阳区 2023 年乡村振兴和结对帮扶资金', '共计 2368 万元', '恩施州来凤县结对帮扶经费 1750 万元'],
      footers: [...new Set(footers)],
      mustNotContain: [],
      notes: [
        `documents printed separately and concatenated: page counts ${counts.join(' + ')}; footers restart at '— 1 —' in each`,
        `the seed repeats one page (急缺 on page ${a[0]}, 急需 on page ${b[0]}); both are real pages and both belong in text.txt`,
        "'合计' in the budget table is printed with CSS letter-spacing: 1em (no space character in the text layer)",
        "seed page breaks inside sentences are reproduced: a paragraph cut by a page break ends with a justified last line",
      ],
    };
    const jsRadicals = radicalsIn((await pdfjsPageTexts(pdfPath)).join(''));
    const popplerRadicals = radicalsIn(texts.join(''));
    if (name === 'seed-type3') {
      if (jsRadicals.length === 0) throw new Error('seed-type3: expected Kangxi radicals in the pdf.js text');
      facts.notes!.push(
        `pdf.js text holds ${jsRadicals.length} code points in U+2E80–U+2FDF (${new Set(jsRadicals).size} distinct; poppler's pdftotext shows ${popplerRadicals.length}, it normalises them): radicals standing for ordinary ideographs (⼀ for 一, ⻓ for 长); text.txt must hold none`,
      );
      facts.mustNotContain.push(...[...new Set(jsRadicals)].slice(0, 12));
    } else if (jsRadicals.length > 0) throw new Error(`${name}: unexpected radicals ${jsRadicals.length}`);
    const exp = join(outDir, 'expected');
    writeJson(join(exp, 'tables.json'), tables);
    writeJson(join(exp, 'documents.json'), documents);
    writeJson(join(exp, 'text-facts.json'), facts);
    console.log(`${name}: ${pages} pages (${counts.join('+')}), documents ${documents.map((d) => `${d.pageFrom}-${d.pageTo}`).join(', ')}, tables ${tables.map((t) => t.pages!.join('/')).join(' | ')}`);
  } finally {
    tmp.done();
  }
}
