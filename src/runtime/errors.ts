/** Errors as users see them: one line, no stack. */

/** The first line of an error's message, trimmed ('unknown error' when empty); `max` characters at most. */
export function oneLine(err: unknown, max = Infinity): string {
  const msg = err instanceof Error ? err.message : String(err);
  const line = (msg.split('\n')[0] ?? '').trim() || 'unknown error';
  return line.length > max ? line.slice(0, max - 3) + '...' : line;
}
