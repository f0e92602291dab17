/** The optional API key of `gongwen serve` (GONGWEN_API_KEY): `Authorization: Bearer <key>`. */
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an Authorization header carries `key`. Both sides are hashed to the same length first,
 * then compared in constant time, so neither the key's length nor a common prefix shows in timing.
 */
export function bearerMatches(header: string | undefined, key: string): boolean {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  const given = createHash('sha256').update(m?.[1] ?? '').digest();
  const wanted = createHash('sha256').update(key).digest();
  return timingSafeEqual(given, wanted) && m !== null;
}
