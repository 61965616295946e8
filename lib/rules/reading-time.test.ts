import { describe, expect, it } from 'vitest';
import { expectFixture } from './fixture-harness';
import { readingTime } from './reading-time';

describe('reading-time rule', () => {
  it("removes reading-time badges in several languages; keeps sentences about reading time", () => {
    const { plain, hashed } = expectFixture(readingTime, 'reading-time');
    for (const run of [plain, hashed]) {
      for (const clutter of ["2 min de lecture Titre", "5 min read", "Bridgestone Team", "Temps de lecture", "Lesezeit"]) expect(run.text).not.toContain(clutter);
      for (const prose of ["Il faut 2 min de lecture pour parcourir"]) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === readingTime.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
