/** `npm run schemas`: regenerates schemas/*.schema.json from the zod schemas. */
import { join } from 'node:path';
import { publishedJsonSchemas } from '../src/write/jsonSchema.ts';
import { writeFileAtomic } from '../src/write/atomic.ts';

const dir = join(import.meta.dirname, '..', 'schemas');
for (const [file, text] of publishedJsonSchemas()) {
  await writeFileAtomic(join(dir, file), text);
  console.log(`schemas/${file}`);
}
