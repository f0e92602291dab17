/**
 * Character diff (Myers' O((N+M)·D) algorithm) and a short description of what differs, for
 * near-duplicate passages and cited titles.
 */

export interface DiffOp {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

/**
 * The shortest edit script turning `a` into `b`, per code point; null when it needs more than
 * `maxEdits` insertions + deletions (so near-identical strings are cheap and others stop early).
 */
export function diffChars(a: string, b: string, maxEdits = Infinity): DiffOp[] | null {
  const A = Array.from(a);
  const B = Array.from(b);
  const n = A.length;
  const m = B.length;
  const max = Math.min(n + m, maxEdits);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[k - 1 + off]! < v[k + 1 + off]!) ? v[k + 1 + off]! : v[k - 1 + off]! + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[k + off] = x;
      if (x >= n && y >= m) return backtrack(A, B, trace, off);
    }
  }
  return null;
}

function backtrack(A: string[], B: string[], trace: Int32Array[], off: number): DiffOp[] {
  const rev: DiffOp[] = [];
  let x = A.length;
  let y = B.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[k - 1 + off]! < v[k + 1 + off]!) ? k + 1 : k - 1;
    const prevX = v[prevK + off]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      rev.push({ op: 'equal', text: A[x - 1]! });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) rev.push({ op: 'insert', text: B[prevY]! });
      else rev.push({ op: 'delete', text: A[prevX]! });
    }
    x = prevX;
    y = prevY;
  }
  return mergeOps(rev.reverse());
}

function mergeOps(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  for (const o of ops) {
    const last = out[out.length - 1];
    if (last && last.op === o.op) last.text += o.text;
    else out.push({ ...o });
  }
  return out;
}

/** Similarity 2·LCS/(|a|+|b|) from an edit script. */
export function similarity(ops: readonly DiffOp[]): number {
  let same = 0;
  let total = 0;
  for (const o of ops) {
    const len = Array.from(o.text).length;
    if (o.op === 'equal') {
      same += 2 * len;
      total += 2 * len;
    } else total += len;
  }
  return total === 0 ? 1 : same / total;
}

/** One place where two texts differ: what `a` has there and what `b` has (either may be ''). */
export interface Hunk {
  a: string;
  b: string;
  /** `a` and `b` widened by surrounding common characters so a one-character change reads as a word */
  aWord: string;
  bWord: string;
  /** offsets of the hunk in `a` and `b` (code units) */
  aStart: number;
  bStart: number;
  /** offsets of `aWord` and `bWord` in `a` and `b` (code units) */
  aWordStart: number;
  bWordStart: number;
}

/**
 * The differing places of an edit script. Changes shorter than two characters are widened with
 * `context` common characters on each side ('缺'/'需' → '急缺'/'急需' with context 1).
 */
export function diffHunks(ops: readonly DiffOp[], context = 1): Hunk[] {
  const hunks: Hunk[] = [];
  let aPos = 0;
  let bPos = 0;
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i]!;
    if (o.op === 'equal') {
      aPos += o.text.length;
      bPos += o.text.length;
      continue;
    }
    const first = i;
    let a = '';
    let b = '';
    const aStart = aPos;
    const bStart = bPos;
    while (i < ops.length && ops[i]!.op !== 'equal') {
      const p = ops[i]!;
      if (p.op === 'delete') a += p.text;
      else b += p.text;
      i++;
    }
    i--;
    aPos += a.length;
    bPos += b.length;
    const before = ops[first - 1]?.text ?? '';
    const after = ops[i + 1]?.text ?? '';
    const short = Math.max(Array.from(a).length, Array.from(b).length) < 2;
    const left = short ? Array.from(before).slice(-context).join('') : '';
    const right = short && (a === '' || b === '') ? Array.from(after).slice(0, context).join('') : '';
    hunks.push({
      a,
      b,
      aWord: left + a + right,
      bWord: left + b + right,
      aStart,
      bStart,
      aWordStart: aStart - left.length,
      bWordStart: bStart - left.length,
    });
  }
  return hunks;
}

/** "“急缺” → “急需”; …" for at most `max` hunks (an empty side is shown as ∅). */
export function describeHunks(hunks: readonly Hunk[], max = 4): string {
  const word = (w: string): string => (w === '' ? '∅' : `“${w}”`);
  const parts = hunks.slice(0, max).map((h) => `${word(h.aWord)} → ${word(h.bWord)}`);
  if (hunks.length > max) parts.push(`…（共 ${hunks.length} 处）`);
  return parts.join('；');
}
