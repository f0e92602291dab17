/**
 * How to start one of gongwen's own modules in a child process or worker thread. The shipped
 * package runs compiled `dist/**.js` files, started directly. From the TypeScript sources (tests,
 * scripts) the `.ts` module is started through `bin/run-ts.mjs`, which registers tsx (a
 * devDependency) first; that path exists only in a checkout, never in the installed package.
 */
import { fileURLToPath } from 'node:url';

/** What to hand `fork()` or `new Worker()`: the file to start and the arguments that precede the caller's. */
export interface Entry {
  /** absolute path of the file to start */
  readonly file: string;
  /** leading argv for that file (the `.ts` module when started through run-ts) */
  readonly argv: readonly string[];
}

/**
 * The entry for `module`, a URL of a sibling module written without its extension, resolved
 * against the caller's own `import.meta.url` (whose extension says whether we run compiled).
 */
export function entryFor(callerUrl: string, module: string): Entry {
  const compiled = callerUrl.endsWith('.js');
  const file = fileURLToPath(new URL(`${module}${compiled ? '.js' : '.ts'}`, callerUrl));
  if (compiled) return { file, argv: [] };
  return { file: fileURLToPath(new URL('../../bin/run-ts.mjs', import.meta.url)), argv: [file] };
}

/** The entry of an explicit module file (tests hand in a `.ts` thread module). */
export function entryOfFile(file: string): Entry {
  if (file.endsWith('.js') || file.endsWith('.mjs')) return { file, argv: [] };
  return { file: fileURLToPath(new URL('../../bin/run-ts.mjs', import.meta.url)), argv: [file] };
}
