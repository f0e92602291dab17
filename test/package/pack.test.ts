/**
 * The package as a consumer gets it: `npm pack`, then `npm install <tarball>` in an empty project
 * with no .npmrc (so onnxruntime-node's install script runs and, offline, fails: the optional native
 * runtime is dropped and PP-OCR runs on onnxruntime-web), `import { extract } from 'gongwen'` on a
 * sample, the types compiled by tsc, and the `gongwen` bin.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, samplePdf } from '../helpers/samples.ts';

/** the environment of a user's shell: npm's own variables from this test run left out */
function consumerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^npm_/i.test(k) && k !== 'ONNXRUNTIME_NODE_INSTALL' && k !== 'INIT_CWD') env[k] = v;
  }
  return env;
}

describe('packed package in an empty project', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongwen-consumer-'));
    const env = consumerEnv();
    // --ignore-scripts: dist/ is built by the test setup; `prepare` would rebuild it (emptying dist/)
    // under the CLI tests that run beside this file
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir, '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack made no tarball');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
    execFileSync('npm', ['install', `./${tarball}`, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('extracts a PDF in memory through the package entry point', () => {
    writeFileSync(
      join(dir, 'use.mjs'),
      `import { readFileSync } from 'node:fs';
import { extract } from 'gongwen';
const r = await extract(new Uint8Array(readFileSync(process.argv[2])), { name: 'in.pdf' });
console.log(JSON.stringify({ status: r.document.status, path: r.document.source.path, tables: r.tables.map((t) => ({ header: t.header, rows: t.rows })), findings: r.findings.length }));`,
    );
    const r = spawnSync(process.execPath, ['use.mjs', samplePdf('lo-ruled')], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { status: string; path: string; tables: { header: string[]; rows: string[][] }[] };
    expect(out.status).toBe('ok');
    expect(out.path).toBe('in.pdf');
    expect(out.tables).toHaveLength(1);
    // the sample's allocation table: 13 body rows under a 5-column header
    expect(out.tables[0]!.rows).toHaveLength(13);
    expect(out.tables[0]!.header.length).toBeGreaterThanOrEqual(4);
  });

  it('ships types that compile in a strict consumer project', () => {
    writeFileSync(
      join(dir, 'typed.ts'),
      `import { extract, check, report, type Table, type Finding, type ExtractResult } from 'gongwen';
const r: ExtractResult = await extract('in.pdf', { ocr: 'never' });
const t: Table | undefined = r.tables[0];
const f: readonly Finding[] = r.findings;
console.log(t?.header, f.length, typeof check, typeof report);\n`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['typed.ts'] }),
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('installs the gongwen bin, which prints help and exits 0', () => {
    const r = spawnSync(join(dir, 'node_modules', '.bin', 'gongwen'), ['--help'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/gongwen extract/);
  });
});
