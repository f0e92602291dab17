/**
 * Reads `review.json` from a document's output folder: null when there is none; an
 * OutputFolderError naming the file and the problem when it is not valid.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ReviewFileSchema, type ReviewFile } from '../model/review.ts';
import { OutputFolderError } from '../write/load.ts';

/** The review file's name in an output folder. */
export const REVIEW_FILE = 'review.json';

export async function readReviewFile(dir: string): Promise<ReviewFile | null> {
  let text: string;
  try {
    text = await readFile(join(dir, REVIEW_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new OutputFolderError(`${REVIEW_FILE}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new OutputFolderError(`${REVIEW_FILE}: not valid JSON (${(err as Error).message})`);
  }
  const r = ReviewFileSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new OutputFolderError(`${REVIEW_FILE}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return r.data;
}
