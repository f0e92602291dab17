/**
 * The published JSON Schemas are current, and the real outputs of the samples satisfy them (the
 * writers do not validate what the typed stages built; this test does, for every JSON file).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { publishedJsonSchemas } from '../../src/write/jsonSchema.ts';
import { validatedJson, OutputSchemaError } from '../../src/write/validate.ts';
import { extractionToFiles } from '../../src/write/outputs.ts';
import { review } from '../../src/pipeline/review.ts';
import { FILE_SCHEMAS } from '../../src/model/schemas.ts';
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

describe('validation of the outputs', () => {
  // every record kind among them: village-assignment, pairing, budget-line (seed), budget-subject
  // (budget-layouts), generic (disclosure); findings of several rules (seed, planted-total)
  it.each(['seed', 'budget-layouts', 'disclosure', 'planted-total'])('the real outputs of %s satisfy their schemas', async (name) => {
    const ex = await extractSample(name);
    const files = await extractionToFiles(ex, review(ex));
    expect([...files.keys()].filter((f) => f in FILE_SCHEMAS).sort()).toEqual(Object.keys(FILE_SCHEMAS).sort());
    for (const [file, text] of files) {
      if (file in FILE_SCHEMAS) expect(validatedJson(file, JSON.parse(text)), file).toBe(text);
    }
  });

  it('refuses a document.json that breaks its schema, naming the field', async () => {
    const doc = structuredClone((await extractSample('seed')).document);
    (doc.source as { sha256: string }).sha256 = 'not-a-hash';
    expect(() => validatedJson('document.json', doc)).toThrow(OutputSchemaError);
    expect(() => validatedJson('document.json', doc)).toThrow(/source\.sha256/);
  });
});
