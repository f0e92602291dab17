import { describe, expect, it } from 'vitest';
import { ocrThreadsPerDocument } from '../../src/batch/settings.ts';

describe('OCR threads per document', () => {
  it('gives a lone document every job, several documents one each, never more than memory allows', () => {
    expect(ocrThreadsPerDocument(2, 1, 2048)).toBe(2);
    expect(ocrThreadsPerDocument(2, 10, 2048)).toBe(1);
    expect(ocrThreadsPerDocument(1, 1, 2048)).toBe(1);
    expect(ocrThreadsPerDocument(8, 2, 2048)).toBe(2); // 4 by cores, 2 by memory
    expect(ocrThreadsPerDocument(8, 2, 8192)).toBe(4);
    expect(ocrThreadsPerDocument(4, 1, 512)).toBe(1);
  });
});
