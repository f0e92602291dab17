/**
 * Seed fragments → the three printed 公文 (as blocks) and their expected tables and documents.
 * The walk states what it expects at each step and throws with the seed line number otherwise,
 * so a change in the seed cannot slip through silently. Sample-generator code (seed-specific).
 */
import { tightenCjk, isCjk } from '../../src/text/spacing.ts';
import type { Block, PrintCell, PrintTable } from './blocks.ts';
import type { ExpectedDocument, ExpectedTable } from './expected-types.ts';
import { FOOTER_RE, isCutByPageBreak, tabRows, type Fragment } from './seed-parse.ts';

export interface SeedModel {
  /** one block list per 公文, printed as separate runs so each restarts its page numbers */
  docs: Block[][];
  tables: ExpectedTable[];
  /** documents without page numbers (filled in after printing) */
  documents: Omit<ExpectedDocument, 'pageFrom' | 'pageTo'>[];
  /** seed line numbers where a paragraph was cut by a page break of the original (for checking) */
  cuts: number[];
}

/** A space between two CJK characters inside a title or cell is a line wrap of the original. */
export function splitAtCjkWraps(s: string): string[] {
  const parts: string[] = [];
  let cur = '';
  const chars = Array.from(s);
  chars.forEach((ch, k) => {
    if (ch === ' ' && isCjk(cur.slice(-1)) && isCjk(chars[k + 1] ?? '')) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  });
  parts.push(cur);
  // a joint title starts 'A办公厅 B办公厅': both issuers stay on one printed line
  const out: string[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last !== undefined && last.endsWith('办公厅') && p.endsWith('办公厅')) out[out.length - 1] = `${last} ${p}`;
    else out.push(p);
  }
  return out;
}

/** Cell text as expected: wrap spaces removed ('区直机关工委等预 算单位' → '区直机关工委等预算单位'). */
const cellText = (s: string): string => splitAtCjkWraps(s).join('');

/** Date '2021年8月23日' (optionally followed by 印发) → '2021-08-23'. */
export function cnDateToIso(s: string): string {
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(s);
  if (!m) throw new Error(`not a date: ${s}`);
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

class Cursor {
  i = 0;
  constructor(readonly f: Fragment[]) {}
  peek(k = 0): Fragment | undefined {
    return this.f[this.i + k];
  }
  take(pred: (text: string, fr: Fragment) => boolean, what: string): Fragment {
    const fr = this.f[this.i];
    if (!fr || !pred(fr.lines.join('\n'), fr)) throw new Error(`seed line ${fr?.line ?? 'EOF'}: expected ${what}, got ${fr?.lines[0]}`);
    this.i++;
    return fr;
  }
}

/** Prose fragments up to (not including) the first for which `stop` holds. */
function proseUntil(c: Cursor, stop: (text: string, fr: Fragment) => boolean, cuts: number[]): Block[] {
  const out: Block[] = [];
  let indent = true;
  for (let fr = c.peek(); fr && !stop(fr.lines.join('\n'), fr); fr = c.peek()) {
    c.i++;
    const text = fr.lines.join('');
    if (FOOTER_RE.test(text)) {
      out.push({ kind: 'pagebreak' });
      continue;
    }
    const cut = isCutByPageBreak(fr, c.peek());
    out.push({ kind: 'p', text, indent, continues: cut });
    if (cut) {
      cuts.push(fr.line);
      out.push({ kind: 'pagebreak' });
    }
    indent = !cut;
  }
  return out;
}

const isLine = (s: string) => (t: string) => t === s;

export function seedToModel(f: Fragment[]): SeedModel {
  const c = new Cursor(f);
  const cuts: number[] = [];
  const tables: ExpectedTable[] = [];
  const documents: SeedModel['documents'] = [];
  const docs: Block[][] = [];

  // ── 1. the budget note (no 文号, no issuer, no date) with its attached table ──
  {
    const b: Block[] = [];
    const title = splitAtCjkWraps(c.take((t) => t.includes('预算安排情况说明'), 'budget title').lines[0]!);
    b.push({ kind: 'title', lines: title });
    b.push(...proseUntil(c, (t) => t.startsWith('- 附件') || t.startsWith('附件：1'), cuts));
    const att = c.take((t) => /附件：1、/.test(t), 'attachment list').lines.map((l) => l.replace(/^- /, ''));
    b.push({ kind: 'attachments', lines: att });
    b.push({ kind: 'pagebreak' });
    c.take(isLine('附件：'), "'附件：'");
    b.push({ kind: 'p', text: '附件：', indent: false });
    const caption = c.take((t) => t.endsWith('预算安排情况'), 'budget table caption').lines[0]!;
    const unit = c.take((t) => t.startsWith('单位：'), 'unit line').lines[0]!;
    const rows = tabRows(c.take((_, fr) => fr.isTable, 'budget table').lines, 4);
    const [head, ...body] = rows;
    const table: PrintTable = {
      style: 'ruled',
      fontSize: 14,
      widths: [5.5, 9, 9],
      align: ['center', 'center', 'center', 'center'],
      letterSpaced: { 合计: 1 },
      header: [head!.map((t) => ({ text: t }))],
      // '合 计' is printed as '合计' with CSS letter-spacing 1em (no space character in the text);
      // '区直机关工委等预 算单位' wraps at that point (a <br> in a 9em column)
      body: body.map((r) =>
        r.map((t) => {
          const pieces = splitAtCjkWraps(t);
          const letterSpaced = pieces.some((p) => Array.from(p).length === 1);
          return { text: cellText(t), html: pieces.length > 1 && !letterSpaced ? pieces.join('<br>') : undefined };
        }),
      ),
    };
    b.push({ kind: 'caption', text: caption }, { kind: 'unit', text: unit }, { kind: 'table', table });
    tables.push({ title: caption, unit, header: head!, rows: body.map((r) => r.map(cellText)), rowKinds: body.map(() => 'body') });
    documents.push({
      docNumber: null,
      title: tightenCjk(title.join('')),
      issuers: [],
      signDate: null,
      printDate: null,
      attachments: att.map((l) => tightenCjk(l.replace(/^附件：/, '').replace(/^\d+、/, ''))),
    });
    docs.push(b);
  }

  // ── 2. 武办文〔2021〕40号 with the village table ──
  {
    const b: Block[] = [];
    const issuer = c.take(isLine('中共武汉市委办公厅'), 'red-head issuer').lines[0]!;
    const docNo = c.take((t) => /^武办文〔\d{4}〕\d+号$/.test(t), '文号').lines[0]!;
    b.push({ kind: 'redhead', issuer, docNo });
    const title = splitAtCjkWraps(c.take((t) => t.endsWith('的通知'), 'title').lines[0]!);
    b.push({ kind: 'title', lines: title });
    b.push({ kind: 'p', text: c.take((t) => t.endsWith('：'), 'addressees').lines[0]!, indent: false });
    b.push(...proseUntil(c, (t) => t.startsWith('附件：'), cuts));
    const att = c.take((t) => t.startsWith('附件：'), 'attachment line').lines[0]!;
    b.push({ kind: 'attachments', lines: [att] });
    const signer = c.take(isLine(issuer), 'signature issuer').lines[0]!;
    const date = c.take((t) => /^\d{4}年\d+月\d+日$/.test(t), 'sign date').lines[0]!;
    b.push({ kind: 'signature', lines: [signer, date] }, { kind: 'pagebreak' });
    c.take(isLine('附件'), "'附件'");
    b.push({ kind: 'p', text: '附件', indent: false });
    const caption = c.take((t) => t.endsWith('一览表'), 'village table caption').lines[0]!;
    const rows = tabRows(c.take((_, fr) => fr.isTable, 'village table').lines, 3);
    const [head, ...body] = rows;
    const isSection = (r: string[]) => r[0] !== '' && r[1] === '' && r[2] === '' && !/^\d+$/.test(r[0]!);
    b.push({ kind: 'caption', text: caption });
    b.push({
      kind: 'table',
      table: {
        style: 'ruled',
        fontSize: 14,
        widths: [3.2, 19],
        align: ['center', 'left', 'center'],
        header: [head!.map((t) => ({ text: t }))],
        body: body.map((r): PrintCell[] => (isSection(r) ? [{ text: r[0]!, colSpan: 3 }] : r.map((t) => ({ text: t })))),
      },
    });
    tables.push({
      title: caption,
      unit: null,
      header: head!,
      rows: body,
      rowKinds: body.map((r) => (isSection(r) ? 'section' : 'body')),
    });
    const imprintIssuer = c.take(isLine(issuer), 'imprint issuer').lines[0]!;
    const printed = c.take((t) => t.endsWith('印发'), '印发 line').lines[0]!;
    b.push({ kind: 'imprint', left: imprintIssuer, right: printed });
    documents.push({
      docNumber: docNo,
      title: tightenCjk(title.join('')),
      issuers: [signer],
      signDate: cnDateToIso(date),
      printDate: cnDateToIso(printed),
      attachments: [att.replace(/^附件：/, '')],
    });
    docs.push(b);
  }

  // ── 3. 武办文〔2021〕33号 with the 方案 and the pairing table ──
  {
    const b: Block[] = [];
    const issuer = c.take(isLine('中共武汉市委办公厅'), 'red-head issuer').lines[0]!;
    const docNo = c.take((t) => /^武办文〔\d{4}〕\d+号$/.test(t), '文号').lines[0]!;
    b.push({ kind: 'redhead', issuer, docNo });
    const title = splitAtCjkWraps(c.take((t) => t.endsWith('的通知'), 'title').lines[0]!);
    b.push({ kind: 'title', lines: title });
    b.push({ kind: 'p', text: c.take((t) => t.endsWith('：'), 'addressees').lines[0]!, indent: false });
    b.push(...proseUntil(c, (_, fr) => fr.lines.length === 2 && fr.lines.every((l) => l.endsWith('办公厅')), cuts));
    const signers = c.take(() => true, 'two signers').lines;
    const date = c.take((t) => /^\d{4}年\d+月\d+日$/.test(t), 'sign date').lines[0]!;
    b.push({ kind: 'signature', lines: [...signers, date] });
    c.take((t) => FOOTER_RE.test(t), 'page footer after the signature');
    b.push({ kind: 'pagebreak' });
    b.push({ kind: 'title', lines: [c.take((t) => t.endsWith('工作方案'), '方案 title').lines[0]!] });
    b.push(...proseUntil(c, (t, fr) => t.endsWith('结对表') && c.f[c.f.indexOf(fr) + 1]?.isTable === true, cuts));
    const caption = c.take((t) => t.endsWith('结对表'), 'pairing table caption').lines[0]!;
    const rows = tabRows(c.take((_, fr) => fr.isTable, 'pairing table').lines, 2);
    const [head, ...body] = rows;
    const strip = (t: string) => t.replace(/<\/?u>/g, '');
    b.push({ kind: 'caption', text: caption });
    b.push({
      kind: 'table',
      table: {
        style: 'ruled',
        fontSize: 14,
        widths: [12],
        align: ['center', 'center'],
        header: [head!.map((t) => ({ text: t }))],
        body: body.map((r) => r.map((t) => ({ text: strip(t), html: t.includes('<u>') ? t : undefined }))),
      },
    });
    tables.push({ title: caption, unit: null, header: head!, rows: body.map((r) => r.map(strip)), rowKinds: body.map(() => 'body') });
    const last = c.take(isLine(issuer), 'closing issuer').lines[0]!;
    const printed = c.take((t) => t.endsWith('印发'), '印发 line').lines[0]!;
    b.push({ kind: 'imprint', left: last, right: printed });
    if (c.peek()) throw new Error(`seed line ${c.peek()!.line}: unexpected trailing text`);
    documents.push({
      docNumber: docNo,
      title: tightenCjk(title.join('')),
      issuers: signers,
      signDate: cnDateToIso(date),
      printDate: cnDateToIso(printed),
      attachments: [],
    });
    docs.push(b);
  }
  return { docs, tables, documents, cuts };
}
