/**
 * Reads `review.json` from a document's output folder: null when there is none; an
 * OutputFolderError naming the file and the problem when it is not valid.
 */
import { ReviewFileSchema, type ReviewFile } from '../model/review.ts';
import { readJson } from '../write/load.ts';

import { REVIEW_FILE } from './file.ts';

export { REVIEW_FILE };

export async function readReviewFile(dir: string): Promise<ReviewFile | null> {
  return readJson(dir, REVIEW_FILE, ReviewFileSchema, true);
}
