/**
 * Validation of an output file against its zod schema. The writers do not call it (their data comes
 * from the typed stages); the tests run it on the real outputs of the samples.
 */
import { FILE_SCHEMAS } from '../model/schemas.ts';

/** Thrown when gongwen is about to write a file that breaks its own published schema (a bug). */
export class OutputSchemaError extends Error {}

/** Validates `value` against the schema of output file `file` (a name in FILE_SCHEMAS); returns JSON text. */
export function validatedJson(file: string, value: unknown): string {
  const schema = FILE_SCHEMAS[file];
  if (!schema) throw new OutputSchemaError(`no schema for output file ${file}`);
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new OutputSchemaError(`${file} breaks its schema at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return JSON.stringify(value, null, 2) + '\n';
}
