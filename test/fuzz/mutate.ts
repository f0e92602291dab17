/**
 * Mutations of a PDF's bytes for fuzzing (issue #13 point 3), as fast-check arbitraries: byte
 * flips, truncations, damage inside object, xref and content streams, wrong /Length values,
 * deleted `endobj` / `stream` / `endstream` / `xref` keywords, duplicated and spliced objects, a
 * moved startxref. Positions are drawn as fractions in [0, 1) so one arbitrary fits any file.
 */
import fc from 'fast-check';

export type Mutation =
  | { kind: 'flip'; at: number; xor: number; count: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'stream'; which: number; at: number; count: number; target: 'any' | 'xref' | 'objstm' | 'content' }
  | { kind: 'length'; which: number; value: 'zero' | 'less' | 'more' | 'huge' | 'negative' | 'name' }
  | { kind: 'delete'; keyword: 'endobj' | 'stream' | 'endstream' | 'xref' | 'trailer' | 'obj'; which: number }
  | { kind: 'duplicate'; which: number; at: number; tweak: boolean }
  | { kind: 'startxref'; delta: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array };

const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const index = fc.nat({ max: 1000 });

/** One mutation. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: frac, xor: fc.integer({ min: 1, max: 255 }), count: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: frac }),
  fc.record({
    kind: fc.constant('stream' as const),
    which: index,
    at: frac,
    count: fc.integer({ min: 1, max: 64 }),
    target: fc.constantFrom('any' as const, 'xref' as const, 'objstm' as const, 'content' as const),
  }),
  fc.record({ kind: fc.constant('length' as const), which: index, value: fc.constantFrom('zero' as const, 'less' as const, 'more' as const, 'huge' as const, 'negative' as const, 'name' as const) }),
  fc.record({ kind: fc.constant('delete' as const), keyword: fc.constantFrom('endobj' as const, 'stream' as const, 'endstream' as const, 'xref' as const, 'trailer' as const, 'obj' as const), which: index }),
  fc.record({ kind: fc.constant('duplicate' as const), which: index, at: frac, tweak: fc.boolean() }),
  fc.record({ kind: fc.constant('startxref' as const), delta: fc.integer({ min: -5000, max: 5000 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: frac, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);

/** One to three mutations applied in turn. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 3 });

const latin1 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

/** Start offsets of every match of `re` (global) in `s`. */
function matches(s: string, re: RegExp): { at: number; text: string }[] {
  return [...s.matchAll(re)].map((m) => ({ at: m.index!, text: m[0] }));
}

/** The data ranges [from, to) of the file's streams, with the dictionary before each. */
function streams(s: string): { from: number; to: number; dict: string }[] {
  const out: { from: number; to: number; dict: string }[] = [];
  for (const m of s.matchAll(/stream\r?\n/g)) {
    if (s.slice(m.index! - 3, m.index!) === 'end') continue;
    const from = m.index! + m[0].length;
    const end = s.indexOf('endstream', from);
    if (end < 0) continue;
    const objStart = s.lastIndexOf(' obj', m.index!);
    out.push({ from, to: end, dict: s.slice(Math.max(0, objStart), m.index!) });
  }
  return out;
}

/** `pdf` with one mutation applied (a copy). */
export function applyMutation(pdf: Uint8Array, m: Mutation): Uint8Array {
  const s = latin1(pdf);
  const n = pdf.length;
  const pick = <T>(xs: readonly T[], which: number): T | undefined => (xs.length ? xs[which % xs.length] : undefined);
  switch (m.kind) {
    case 'flip': {
      const out = pdf.slice();
      const at = Math.floor(m.at * n);
      for (let k = 0; k < m.count; k++) {
        const i = (at + k * 97) % n;
        out[i] = out[i]! ^ m.xor;
      }
      return out;
    }
    case 'truncate':
      return pdf.slice(0, Math.floor(m.at * n));
    case 'stream': {
      const want = { any: /./, xref: /\/XRef/, objstm: /\/ObjStm/, content: /^(?![\s\S]*\/(XRef|ObjStm|Subtype|FontFile|Length1))/ }[m.target];
      const all = streams(s);
      const st = pick(all.filter((x) => want.test(x.dict)), m.which) ?? pick(all, m.which);
      if (!st || st.to <= st.from) return applyMutation(pdf, { kind: 'flip', at: m.at, xor: 0x5a, count: m.count });
      const out = pdf.slice();
      const len = st.to - st.from;
      const at = st.from + Math.floor(m.at * len);
      for (let k = 0; k < m.count; k++) {
        const i = st.from + ((at - st.from + k * 13) % len);
        out[i] = out[i]! ^ (0x21 + k);
      }
      return out;
    }
    case 'length': {
      const l = pick(matches(s, /\/Length (\d+)/g), m.which);
      if (!l) return pdf;
      const v = Number(l.text.slice(8));
      const value = { zero: '0', less: String(Math.floor(v / 2)), more: String(v * 2 + 17), huge: '99999999999', negative: '-5', name: '/Foo' }[m.value];
      return bytes(s.slice(0, l.at) + `/Length ${value}` + s.slice(l.at + l.text.length));
    }
    case 'delete': {
      const re = { endobj: /endobj/g, stream: /(?<!end)stream/g, endstream: /endstream/g, xref: /xref/g, trailer: /trailer/g, obj: /(?<!end)obj\b/g }[m.keyword];
      const k = pick(matches(s, re), m.which);
      return k ? bytes(s.slice(0, k.at) + s.slice(k.at + k.text.length)) : pdf;
    }
    case 'duplicate': {
      const objs = matches(s, /\d+ \d+ obj[\s\S]*?endobj/g);
      const o = pick(objs, m.which);
      if (!o) return pdf;
      // the copy, optionally with its numbers changed, placed at a line start somewhere in the file
      const copy = m.tweak ? o.text.replace(/\d+/g, (d) => String(Number(d) + 1)) : o.text;
      const at = s.indexOf('\n', Math.floor(m.at * n)) + 1 || n;
      return bytes(s.slice(0, at) + copy + '\n' + s.slice(at));
    }
    case 'startxref': {
      const x = matches(s, /startxref\s+(\d+)/g).at(-1);
      if (!x) return pdf;
      const v = Math.max(0, Number(/\d+/.exec(x.text)![0]) + m.delta);
      return bytes(s.slice(0, x.at) + `startxref\n${v}` + s.slice(x.at + x.text.length));
    }
    case 'insert': {
      const at = Math.floor(m.at * n);
      const out = new Uint8Array(n + m.bytes.length);
      out.set(pdf.subarray(0, at));
      out.set(m.bytes, at);
      out.set(pdf.subarray(at), at + m.bytes.length);
      return out;
    }
  }
}

/** `pdf` with every mutation of `ms` applied in turn. */
export function mutate(pdf: Uint8Array, ms: readonly Mutation[]): Uint8Array {
  return ms.reduce(applyMutation, pdf);
}
