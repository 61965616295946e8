import { describe, expect, test } from 'vitest';
import { collapsedLength, collapseWhitespace } from './rule';

describe('collapsedLength', () => {
  test('equals the length of the collapsed text for every UTF-16 code unit, alone, between letters and in runs', () => {
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      for (const text of [c, `a${c}b`, ` ${c}${c} x ${c}`]) {
        expect(collapsedLength(text), code.toString(16)).toBe(collapseWhitespace(text).length);
      }
    }
  });
});
