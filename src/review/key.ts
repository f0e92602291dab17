/**
 * The stable key of a finding, what review decisions point at: `<rule>:<16 hex>`, the hex the
 * first 64 bits of SHA-256 over the evidence (page and text of each, in order), expected and
 * actual. Boxes and the message are left out (a re-extraction may move a box by a hair or reword a
 * message); any change of the values the finding is about gives a new key, so an old dismissal
 * stops applying.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../model/findings.ts';

/** Hex digits of the hash kept in a key. @default 16 */
export const KEY_HEX_DIGITS = 16;

/** Finding → its key. */
export function findingKey(f: Pick<Finding, 'rule' | 'evidence' | 'expected' | 'actual'>): string {
  const payload = JSON.stringify({
    evidence: f.evidence.map((e) => [e.page, e.text]),
    expected: f.expected ?? null,
    actual: f.actual ?? null,
  });
  const hex = createHash('sha256').update(payload).digest('hex').slice(0, KEY_HEX_DIGITS);
  return `${f.rule}:${hex}`;
}

/** The finding with its key set (placed right after `rule` in the written JSON). */
export function withKey(f: Finding): Finding {
  const { rule, ...rest } = f;
  return { rule, key: findingKey(f), ...rest };
}
