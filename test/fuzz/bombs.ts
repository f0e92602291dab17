/**
 * Crafted hostile PDFs, made by the tests (issue #13 point 3): small files that cost gigabytes or
 * millions of operations to read. Each is one page, A4 (595 × 842 pt).
 */
import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { assemblePdf } from '../fixtures/minipdf.ts';

const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A stream object body: `<< dict /Length n >> stream … endstream` around binary data. */
export function streamBody(dict: string, data: Uint8Array): Uint8Array {
  return concat([enc(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, enc('\nendstream')]);
}

/**
 * A zlib (FlateDecode) stream that inflates to `copies` × `chunk`: the chunk compressed once,
 * ending in a full flush (so each copy is an independent run of deflate blocks), repeated, then a
 * final empty block. The Adler-32 is left zero (readers that check it fail late, after inflating).
 */
export function flateBomb(chunk: Uint8Array, copies: number): Uint8Array {
  const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const parts: Uint8Array[] = [Uint8Array.of(0x78, 0xda)];
  for (let i = 0; i < copies; i++) parts.push(block);
  parts.push(Uint8Array.of(0x03, 0x00, 0, 0, 0, 0)); // final fixed block with only end-of-block; Adler-32
  return concat(parts);
}

/** One page whose resources hold `xobjects` (name → object number) and whose content is `content`. */
function onePage(content: Uint8Array, xobjects: Record<string, number>, extra: (string | Uint8Array)[] = []): Uint8Array {
  // 1 catalog, 2 pages, 3 page, 4 content, 5… extra objects
  const xo = Object.entries(xobjects).map(([k, v]) => `/${k} ${v} 0 R`).join(' ');
  return assemblePdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << ${xo} >> >> /Contents 4 0 R >>`,
      content,
      ...extra,
    ],
    1,
  );
}

const MIB = 1 << 20;

/** A content stream that inflates to `gib` GiB of spaces (≈ 1 KiB of file per MiB inflated). */
export function inflatingContent(gib = 2): Uint8Array {
  const data = flateBomb(new Uint8Array(MIB).fill(0x20), gib * 1024);
  return onePage(streamBody('/Filter /FlateDecode', data), {});
}

/**
 * A `side` × `side` image painted over the page; `bytes` of its data given as a Flate stream
 * that inflates to the full image (`full`: side² × components bytes) or to only 1 MiB.
 */
export function hugeImage(side = 30000, { rgb = false, full = true } = {}): Uint8Array {
  const comps = rgb ? 3 : 1;
  const total = side * side * comps;
  const copies = full ? Math.ceil(total / MIB) : 1;
  const data = flateBomb(new Uint8Array(MIB).fill(0x80), copies);
  const image = streamBody(`/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /${rgb ? 'DeviceRGB' : 'DeviceGray'} /BitsPerComponent 8 /Filter /FlateDecode`, data);
  return onePage(streamBody('', enc('q 595 0 0 842 0 0 cm /Im0 Do Q')), { Im0: 5 }, [image]);
}

/** A form XObject /Fm0 that paints itself (`pair` false) or two forms /Fm0, /Fm1 that paint each other. */
export function recursiveForms(pair: boolean): Uint8Array {
  // objects 5 (/Fm0) and 6 (/Fm1)
  const form = (paints: string, ref: number): Uint8Array =>
    streamBody(`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /${paints} ${ref} 0 R >> >>`, enc(`0 0 m 100 100 l S /${paints} Do`));
  const forms = pair ? [form('Fm1', 6), form('Fm0', 5)] : [form('Fm0', 5)];
  return onePage(streamBody('', enc('/Fm0 Do')), pair ? { Fm0: 5, Fm1: 6 } : { Fm0: 5 }, forms);
}

/**
 * A content stream of `ops` path operators (`m`, `l`, `S` in turn: short strokes, a third of them
 * paints), Flate-compressed so the file stays small (≈ 60 KiB for 10⁷).
 */
export function manyPathOps(ops = 10_000_000): Uint8Array {
  const line = '10 10 m 20 10 l S\n';
  const text = line.repeat(Math.ceil(ops / 3));
  return onePage(streamBody('/Filter /FlateDecode', deflateSync(Buffer.from(text, 'latin1'), { level: 9 })), {});
}
