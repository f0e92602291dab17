/** `npm run schemas`: regenerates schemas/*.schema.json from the zod schemas. */
import { join } from 'node:path';
import { publishedJsonSchemas } from '../src/write/jsonSchema.ts';
import { writeFileAtomic } from '../src/write/atomic.ts';

const dir = join(import.meta.dirname, '..', 'schemas');
for (const [file, text] of publishedJsonSchemas()) {
  await writeFileAtomic(join(dir, file), text);
  console.log(`schemas/${file}`);
}
// the HTTP service's OpenAPI 3.1 document (what GET /openapi.json serves without an API key)
const { openApiDocument } = await import('../src/service/openapi.ts');
await writeFileAtomic(join(dir, 'openapi.json'), `${JSON.stringify(openApiDocument(false), null, 2)}\n`);
console.log('schemas/openapi.json');
