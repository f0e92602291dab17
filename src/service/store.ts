/**
 * The job folders on disk, as src/service/queue.ts lays them out: <data>/jobs/<id>/{input.pdf,
 * job.json, out/} plus state.json, the finished state (status, pages, error, finishedAt) written
 * atomically when a job ends, so a restarted server still serves it. A folder with job.json and
 * input.pdf but no state.json is a job that was queued or running when the server stopped.
 * Uploads are streamed to <data>/uploads/ first and renamed into their job folder.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { writeFileAtomic } from '../write/atomic.ts';
import type { JobSpec, JobState, JobStatus } from './queue.ts';

export const INPUT_FILE = 'input.pdf';
export const SPEC_FILE = 'job.json';

/**
 * Writes a job's job.json into its folder `dir` atomically, readable by its owner only: the spec
 * holds the PDF's password when one was given (workers need it; never part of an answer).
 */
export async function writeSpecFile(dir: string, spec: JobSpec): Promise<void> {
  await writeFileAtomic(join(dir, SPEC_FILE), `${JSON.stringify(spec, null, 2)}\n`, 0o600);
}
export const STATE_FILE = 'state.json';
export const OUT_DIR = 'out';

/** A job id as jobId makes them: 32 lower-case hex characters (anything else is no job). */
export const JOB_ID = /^[0-9a-f]{32}$/;

/** What state.json keeps of a finished job. */
export interface FinishedState {
  status: Extract<JobStatus, 'done' | 'failed'>;
  pages: number;
  error?: string;
  finishedAt: string;
}

/** The job folders under one data folder. */
export class JobStore {
  readonly jobsDir: string;
  readonly uploadsDir: string;

  constructor(readonly dataDir: string) {
    this.jobsDir = join(dataDir, 'jobs');
    this.uploadsDir = join(dataDir, 'uploads');
  }

  /** Creates the folders and removes uploads left half-written by an earlier process. */
  async init(): Promise<void> {
    await rm(this.uploadsDir, { recursive: true, force: true });
    await mkdir(this.uploadsDir, { recursive: true });
    await mkdir(this.jobsDir, { recursive: true });
  }

  dir(id: string): string {
    if (!JOB_ID.test(id)) throw new Error(`not a job id: '${id}'`);
    return join(this.jobsDir, id);
  }

  outDir(id: string): string {
    return join(this.dir(id), OUT_DIR);
  }

  inputPath(id: string): string {
    return join(this.dir(id), INPUT_FILE);
  }

  /**
   * Streams an upload to a temp file, hashing it; `truncated()` tells afterwards whether the
   * source stopped at a size limit. The caller moves it into a job (adopt) or discards it.
   */
  async receive(source: Readable): Promise<{ tmp: string; sha256: string; bytes: number; head: Buffer }> {
    const tmp = join(this.uploadsDir, `${process.pid}-${randomBytes(6).toString('hex')}.pdf`);
    const hash = createHash('sha256');
    let bytes = 0;
    const heads: Buffer[] = [];
    let headBytes = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        bytes += chunk.length;
        if (headBytes < 1024) {
          heads.push(chunk.subarray(0, 1024 - headBytes));
          headBytes += Math.min(chunk.length, 1024 - headBytes);
        }
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, tap, createWriteStream(tmp));
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    return { tmp, sha256: hash.digest('hex'), bytes, head: Buffer.concat(heads) };
  }

  /** Moves a received upload into the job's folder and writes its job.json (both atomically). */
  async adopt(tmp: string, spec: JobSpec): Promise<void> {
    await mkdir(this.dir(spec.id), { recursive: true });
    await rename(tmp, this.inputPath(spec.id));
    await writeSpecFile(this.dir(spec.id), spec);
  }

  async readSpec(id: string): Promise<JobSpec | null> {
    try {
      return JSON.parse(await readFile(join(this.dir(id), SPEC_FILE), 'utf8')) as JobSpec;
    } catch {
      return null;
    }
  }

  async writeFinished(id: string, state: FinishedState): Promise<void> {
    await writeFileAtomic(join(this.dir(id), STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
  }

  async readFinished(id: string): Promise<FinishedState | null> {
    try {
      return JSON.parse(await readFile(join(this.dir(id), STATE_FILE), 'utf8')) as FinishedState;
    } catch {
      return null;
    }
  }

  /** Ids of the job folders holding a job.json and an input.pdf, oldest first. */
  async ids(): Promise<string[]> {
    const names = (await readdir(this.jobsDir).catch(() => [] as string[])).filter((n) => JOB_ID.test(n));
    const found: { id: string; createdAt: string }[] = [];
    for (const id of names) {
      const spec = await this.readSpec(id);
      const input = await stat(this.inputPath(id)).catch(() => null);
      if (spec && spec.id === id && input?.isFile()) found.push({ id, createdAt: spec.createdAt });
    }
    return found.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1)).map((f) => f.id);
  }

  /** The job's output files, '/'-separated paths relative to out/, sorted (temp and hidden files left out). */
  async outputs(id: string): Promise<string[]> {
    const out: string[] = [];
    const walk = async (rel: string): Promise<void> => {
      const entries = await readdir(join(this.outDir(id), rel), { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        if (e.name.startsWith('.')) continue;
        const r = rel === '' ? e.name : `${rel}/${e.name}`;
        if (e.isDirectory()) await walk(r);
        else if (e.isFile()) out.push(r);
      }
    };
    await walk('');
    return out.sort();
  }

  /**
   * The absolute path of one output file of a job, or null: `rel` must be one of the job's
   * outputs (so no '..', no absolute path, no hidden file), and its real path (symlinks resolved)
   * must lie inside the job's real out/ folder.
   */
  async outputPath(id: string, rel: string): Promise<string | null> {
    if (!JOB_ID.test(id) || rel === '' || rel.includes('\0') || rel.includes('\\')) return null;
    if (rel.startsWith('/') || rel.split('/').some((s) => s === '..' || s === '.' || s === '')) return null;
    if (!(await this.outputs(id)).includes(rel)) return null;
    try {
      const root = await realpath(this.outDir(id));
      const file = await realpath(join(root, rel));
      return file.startsWith(root + sep) && (await stat(file)).isFile() ? file : null;
    } catch {
      return null;
    }
  }

  async remove(id: string): Promise<void> {
    await rm(this.dir(id), { recursive: true, force: true });
  }
}

/** The state of a job that has finished, from its spec, state.json and outputs. */
export function finishedJobState(spec: JobSpec, f: FinishedState, outputs: string[]): JobState {
  return {
    id: spec.id,
    status: f.status,
    name: spec.name,
    progress: { pages: f.pages, pagesDone: f.status === 'done' ? f.pages : 0 },
    ...(f.error ? { error: f.error } : {}),
    outputs,
    createdAt: spec.createdAt,
    finishedAt: f.finishedAt,
  };
}

/** An uploaded file's name as a job keeps it: its last path component, or 'upload.pdf'. */
export function uploadName(given: string | undefined): string {
  const name = basename((given ?? '').replace(/\\/g, '/')).replace(/[\0-\x1f]/g, '').trim();
  return name === '' || name === '.' || name === '..' ? 'upload.pdf' : name;
}
