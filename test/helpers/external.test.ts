import { afterEach, describe, expect, it, vi } from 'vitest';
import { inCi, needsExternal } from './external.ts';

describe('needsExternal: skip with a reason outside CI, fail in CI', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads CI as CI services set it', () => {
    expect(inCi({ CI: 'true' })).toBe(true);
    expect(inCi({ CI: '1' })).toBe(true);
    for (const off of [{}, { CI: '' }, { CI: '0' }, { CI: 'false' }, { CI: 'FALSE ' }]) expect(inCi(off)).toBe(false);
  });

  it('passes when the tool is there, prints why it skips when not, throws in CI', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(needsExternal('chromium', true, 'apt-get install chromium', { CI: 'true' })).toBe(true);
    expect(warn).not.toHaveBeenCalled();
    expect(needsExternal('chromium', false, 'apt-get install chromium', {})).toBe(false);
    expect(warn).toHaveBeenCalledWith('SKIPPED: chromium is missing (apt-get install chromium); these tests run in CI');
    expect(() => needsExternal('chromium', false, 'apt-get install chromium', { CI: 'true' })).toThrow(/cannot run in CI: chromium is missing/);
  });
});
