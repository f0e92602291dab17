/** Running the real CLI in a subprocess, and reading an output tree back, for the batch tests. */
import { spawnSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/samples.ts';

export const BIN = join(ROOT, 'bin', 'gongwen.mjs');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `gongwen <args>` to the end. */
export function gongwen(args: readonly string[], timeout = 120_000): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `gongwen <args>` as the leader of a new process group (so the group can be killed). */
export function startGongwen(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { detached: true, stdio: 'ignore' });
}

/** Every file under `dir`: relative path → bytes. */
export function readTree(dir: string, rel = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) for (const [k, v] of readTree(dir, r)) out.set(k, v);
    else out.set(r, readFileSync(join(dir, r)));
  }
  return out;
}

/** Modification times of every file under `dir`. */
export function mtimes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of readTree(dir).keys()) out.set(k, statSync(join(dir, k)).mtimeMs);
  return out;
}

/** The summary line's counts. */
export function summaryOf(stderr: string): { files: number; ok: number; partial: number; failed: number; skipped: number } {
  const m = /^summary: (\d+) files: (\d+) ok, (\d+) partial, (\d+) failed, (\d+) skipped;/m.exec(stderr);
  if (!m) throw new Error(`no summary in: ${stderr}`);
  const [files, ok, partial, failed, skipped] = m.slice(1).map(Number) as [number, number, number, number, number];
  return { files, ok, partial, failed, skipped };
}
