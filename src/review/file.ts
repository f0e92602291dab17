/** The review file's name in an output folder (a module of its own: naming it loads no reader, no zod). */
export const REVIEW_FILE = 'review.json';
