/** The JSON Schema files of schemas/, generated from the zod schemas (z.toJSONSchema). */
import { z } from 'zod';
import { PUBLISHED_SCHEMAS } from '../model/schemas.ts';
import { VERSION } from '../version.ts';

/** File name → JSON Schema text, for every published schema. */
export function publishedJsonSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, schema] of Object.entries(PUBLISHED_SCHEMAS)) {
    const json = {
      title: `gongwen ${file.replace('.schema.json', '')} (gongwen ${VERSION})`,
      ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }),
    };
    out.set(file, JSON.stringify(json, null, 2) + '\n');
  }
  return out;
}
