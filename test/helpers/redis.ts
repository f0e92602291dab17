/**
 * A throw-away redis-server for tests: started on a free TCP port with no persistence
 * (`--save '' --appendonly no`), stopped by the test's afterAll. Gated with needsExternal: skipped
 * with a printed reason on a machine without redis-server, a failure in CI.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { needsExternal } from './external.ts';

/** Whether redis-server can run here (asked once; skipped/failed as needsExternal says). */
export function haveRedis(): boolean {
  const r = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return needsExternal('redis-server', r.status === 0, 'apt-get install redis-server');
}

/** A free TCP port on 127.0.0.1 (asked from the OS with port 0, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A running redis-server. */
export interface TestRedis {
  port: number;
  /** redis://127.0.0.1:PORT */
  url: string;
  stop(): Promise<void>;
}

/** Whether something accepts TCP connections on the port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => (c.destroy(), resolve(true)));
    c.once('error', () => resolve(false));
  });
}

/** Starts redis-server on a free port and waits until it accepts connections (10 s at most). */
export async function startRedis(): Promise<TestRedis> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    let exited = false;
    child.once('exit', () => (exited = true));
    const until = Date.now() + 10_000;
    while (!exited && Date.now() < until && !(await accepts(port))) await new Promise((r) => setTimeout(r, 50));
    if (exited) continue; // the port was taken meanwhile: another one
    if (!(await accepts(port))) {
      child.kill('SIGKILL');
      throw new Error(`redis-server on port ${port} did not start within 10 s`);
    }
    return {
      port,
      url: `redis://127.0.0.1:${port}`,
      stop: () =>
        new Promise<void>((resolve) => {
          if (exited) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    };
  }
  throw new Error('redis-server could not start on a free port (3 attempts)');
}
