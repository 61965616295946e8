import { describe, expect, test } from 'vitest';
import { collapsedLength, collapseWhitespace } from './rule';

describe('collapsedLength', () => {
  test('equals the length of the collapsed text for every UTF-16 code unit, alone, between letters and in runs', () => {
    // One expect over the mismatches, not 196,608 expects: those took 11 s on a loaded machine.
    const mismatches: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      for (const text of [c, `a${c}b`, ` ${c}${c} x ${c}`]) {
        if (collapsedLength(text) !== collapseWhitespace(text).length) mismatches.push(code.toString(16));
      }
    }
    expect(mismatches).toEqual([]);
  });
});
