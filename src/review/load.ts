/**
 * Reads `review.json` from a document's output folder: null when there is none; an
 * OutputFolderError naming the file and the problem when it is not valid.
 */
import { ReviewFileSchema, type ReviewFile } from '../model/review.ts';
import { readJson } from '../write/load.ts';

/** The review file's name in an output folder. */
export const REVIEW_FILE = 'review.json';

export async function readReviewFile(dir: string): Promise<ReviewFile | null> {
  return readJson(dir, REVIEW_FILE, ReviewFileSchema, true);
}
