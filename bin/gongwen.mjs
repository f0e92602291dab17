#!/usr/bin/env node
// The `gongwen` command: starts the compiled CLI (dist/, built by `npm run build`, which `npm ci`
// runs through `prepare`, and shipped in the package).
try {
  await import('../dist/cli/main.js');
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/main.js')) {
    console.error('gongwen: not built: run `npm run build` (or `npm ci`) in the package folder first');
    process.exit(70);
  }
  throw err;
}
