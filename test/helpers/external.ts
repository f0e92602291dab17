/**
 * The one gate for tests that truly need something outside Node (a browser, a server): the suite
 * otherwise needs only Node, npm and git (issue #11). When the thing is missing, the test file is
 * skipped with a printed reason on a developer's machine, and fails in CI (env `CI` set to anything
 * but '' / '0' / 'false', as CI services do and .ci/run does), where a skip would hide lost coverage.
 */

/** Whether this run is CI, where every test must run. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CI ?? '').trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}

/**
 * `available` as is, after printing why the tests that need `what` are skipped when it is false;
 * throws instead in CI. `install` says how to get it (e.g. 'apt-get install chromium').
 */
export function needsExternal(what: string, available: boolean, install: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (available) return true;
  const reason = `${what} is missing (${install})`;
  if (inCi(env)) throw new Error(`cannot run in CI: ${reason}`);
  console.warn(`SKIPPED: ${reason}; these tests run in CI`);
  return false;
}
