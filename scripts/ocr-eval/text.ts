/**
 * How OCR'd cell text is compared with the born-digital reference (tests and scripts/ocr-eval):
 * no test-runner imports here, so plain `node` scripts can use it.
 */

/** Cells compare without spaces: OCR cannot see the typographic space of '2022 年'. */
export const compactText = (s: string): string => s.replace(/\s+/g, '');

/**
 * Also without the width of brackets: a scan cannot tell an ASCII '(' printed beside Han from
 * '（' (the fold makes it full width). For reporting only: such a cell still counts as wrong.
 */
export const looseText = (s: string): string => compactText(s).replace(/\(/g, '（').replace(/\)/g, '）');
