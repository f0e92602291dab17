import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // two test files at a time even on 2 cores (vitest's default is cores − 1, one file at a time
    // there): many files spend their time waiting on child processes, servers and timers
    maxWorkers: 2,
    // pdf.js leaves some internal promises unobserved when a damaged object fails to load (the fuzz
    // test meets them: 'Inconsistent generation in XRef'); the document's own reading still ends with
    // its error, which the tests check. Only pdf.js's own exception classes are let through here;
    // batch workers ignore them the same way (src/batch/worker.ts).
    onUnhandledError(error) {
      return !/^(XRefEntryException|XRefParseException|FormatError|InvalidPDFException|UnknownErrorException|MissingPDFException|UnexpectedResponseException|AbortException)$/.test(error.name ?? '');
    },
  },
});
