#!/usr/bin/env node
// Builds the shipped package: src/**/*.ts → dist/**/*.js + .d.ts (tsc, relative imports rewritten to
// .js), and copies the report's assets. `--if-stale`: only when a file under src/ is newer than the
// last build (the test suite's global setup uses it, so tests always run what ships).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const src = join(root, 'src');
const dist = join(root, 'dist');
const stamp = join(dist, '.built');

/** newest modification time (ms) of the files below `dir` */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const configs = ['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => join(root, f));
if (process.argv.includes('--if-stale') && existsSync(stamp)) {
  const built = statSync(stamp).mtimeMs;
  if (newest(src) <= built && configs.every((f) => statSync(f).mtimeMs <= built)) process.exit(0);
}

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (r.status !== 0) {
  console.error('build: tsc failed');
  process.exit(1);
}
cpSync(join(src, 'report', 'assets'), join(dist, 'report', 'assets'), { recursive: true });
writeFileSync(stamp, `${new Date().toISOString()}\n`);
