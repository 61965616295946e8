import { describe, expect, it } from 'vitest';
import { foundIn } from './substrings';

/** The answer foundIn must give: one `includes` per needle. */
const byIncludes = (text: string, needles: string[]) => new Set(needles.filter((needle) => text.includes(needle)));

describe('foundIn', () => {
  it('finds the needles that occur, wherever they are, and only those', () => {
    const text = 'The council voted on Tuesday. Supporters packed the hall. The light will shine again.';
    const needles = ['The council', 'packed the hall', 'shine again.', 'The light', 'voted on Monday', 'hall. The', 'x'];
    expect(foundIn(text, needles)).toEqual(new Set(['The council', 'packed the hall', 'shine again.', 'The light', 'hall. The']));
  });

  it('agrees with includes on empty, too long, repeated and non-Latin needles', () => {
    const text = 'ab'.repeat(50) + ' 港町の議会は火曜日 😀 مصر #Sécurité';
    const needles = ['', 'abab', 'ba', 'aab', 'b 港', '港町の議会は火曜日 😀', '😀', '\ud83d', 'مصر #S', text, `${text}!`, 'abab'];
    expect(foundIn(text, needles)).toEqual(byIncludes(text, needles));
    expect(foundIn('', ['', 'a'])).toEqual(new Set(['']));
  });

  it('agrees with includes on paragraphs kept, changed and left out', () => {
    // A deterministic mix: every third paragraph left out of the text, every fifth slightly changed.
    const paragraphs = Array.from({ length: 2_000 }, (_, i) => `${i}. The harbour office logged boat ${i * 7919 % 1000} before the tide turned.`);
    const text = paragraphs.filter((_, i) => i % 3).map((p, i) => (i % 5 ? p : p.replace('boat', 'ship'))).join(' ');
    const needles = paragraphs.map((p) => p.slice(0, 40));
    const found = foundIn(text, needles);
    expect(found).toEqual(byIncludes(text, needles));
    expect(found.size).toBeGreaterThan(1_000);
  });
});
