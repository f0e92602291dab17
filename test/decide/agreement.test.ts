/** A few characters of text layer against a confident OCR reading (issue #10, decide/agreement.ts). */
import { describe, expect, it } from 'vitest';
import { layerDisagrees, sharedShare } from '../../src/decide/agreement.ts';

describe('text layer vs OCR', () => {
  it('shares characters across compatibility forms, each layer character once', () => {
    expect(sharedShare('(57)【要約】', '（57）')).toBe(1);
    expect(sharedShare('目录', '目目')).toBe(0.5);
    expect(sharedShare('嘆囈貭鍔', '中國文件')).toBe(0);
  });

  it('a confident reading sharing little says the layer is wrong; a weak or agreeing one does not', () => {
    expect(layerDisagrees('嘆囈貭鍔嘆囈貭鍔', '中國文件中國文件', 0.93)).toMatch(/^text layer '嘆囈貭鍔嘆囈貭鍔' disagrees with a confident OCR reading '中國文件中國文件' \(0% shared\)$/);
    // a render without the font: OCR reads boxes, weakly
    expect(layerDisagrees('目录', '□口', 0.52)).toBeNull();
    // OCR that drops characters still agrees with what it read
    expect(layerDisagrees('(57)【要約】', '（57）', 0.94)).toBeNull();
    expect(layerDisagrees('目录', '', 0.99)).toBeNull();
  });
});
