/** The published JSON Schemas are current, and outputs are validated before they are written. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { publishedJsonSchemas } from '../../src/write/jsonSchema.ts';
import { validatedJson, OutputSchemaError } from '../../src/write/validate.ts';
import { extractionToFiles } from '../../src/write/outputs.ts';
import { ROOT, extractSample } from '../helpers/samples.ts';
import { openApiDocument } from '../../src/service/openapi.ts';

describe('schemas/', () => {
  it('holds exactly the JSON Schemas generated from the zod schemas (run `npm run schemas` when this fails)', () => {
    const dir = join(ROOT, 'schemas');
    const generated = publishedJsonSchemas();
    // and the HTTP service's OpenAPI document, made from its zod schemas (scripts/schemas.ts writes it too)
    generated.set('openapi.json', `${JSON.stringify(openApiDocument(false), null, 2)}\n`);
    expect(readdirSync(dir).sort()).toEqual([...generated.keys()].sort());
    for (const [file, text] of generated) expect(readFileSync(join(dir, file), 'utf8'), file).toBe(text);
  });
});

describe('validation before writing', () => {
  it('accepts the real outputs of the seed sample', async () => {
    const files = await extractionToFiles(await extractSample('seed'));
    expect([...files.keys()]).toEqual(expect.arrayContaining(['document.json', 'tables.json', 'paragraphs.json']));
  });

  it('refuses a document.json that breaks its schema, naming the field', async () => {
    const doc = structuredClone((await extractSample('seed')).document);
    (doc.source as { sha256: string }).sha256 = 'not-a-hash';
    expect(() => validatedJson('document.json', doc)).toThrow(OutputSchemaError);
    expect(() => validatedJson('document.json', doc)).toThrow(/source\.sha256/);
  });
});
