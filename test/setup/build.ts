/**
 * Global setup: the CLI tests start `bin/gongwen.mjs`, which runs the compiled `dist/`; build it
 * when a source file is newer than the last build, so tests always run what ships.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const script = fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url));
  execFileSync(process.execPath, [script, '--if-stale'], { stdio: 'inherit' });
}
