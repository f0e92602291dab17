/**
 * Reads a document's output folder back (for `gongwen check`): document.json, tables.json and
 * paragraphs.json, each validated against its schema, so hand-corrected outputs are checked as
 * they are. Errors say which file and what is wrong, in one line.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentInSchema, ParagraphsFileSchema, TablesFileSchema } from '../model/schemas.ts';
import type { ReviewInput } from '../model/check.ts';
import type { z } from 'zod';

/** A folder that is not a readable gongwen output folder. */
export class OutputFolderError extends Error {}

/**
 * Reads and validates one JSON file of an output folder. A missing `optional` file gives null;
 * anything else wrong is an OutputFolderError naming the file and the problem in one line.
 */
export async function readJson<T>(dir: string, file: string, schema: z.ZodType<T>, optional: true): Promise<T | null>;
export async function readJson<T>(dir: string, file: string, schema: z.ZodType<T>, optional?: false): Promise<T>;
export async function readJson<T>(dir: string, file: string, schema: z.ZodType<T>, optional = false): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (optional && code === 'ENOENT') return null;
    throw new OutputFolderError(`${file}: ${code === 'ENOENT' ? 'missing (not a gongwen output folder?)' : String(code)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new OutputFolderError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new OutputFolderError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return r.data;
}

/** Loads what the review stages need from an output folder. */
export async function loadReviewInput(dir: string): Promise<ReviewInput> {
  const [document, tables, paragraphs] = await Promise.all([
    readJson(dir, 'document.json', DocumentInSchema),
    readJson(dir, 'tables.json', TablesFileSchema),
    readJson(dir, 'paragraphs.json', ParagraphsFileSchema),
  ]);
  return { document, tables, paragraphs };
}
