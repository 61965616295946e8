import { describe, expect, it } from 'vitest';
import { expectFixture } from './fixture-harness';
import { captions } from './captions';

describe('captions rule', () => {
  it("removes figure captions, credit lines and gallery counters; keeps sentences about photos", () => {
    const { plain, hashed } = expectFixture(captions, 'captions');
    for (const run of [plain, hashed]) {
      for (const clutter of ["Crédit : AFP", "Image 1 of 5", "Image credit", "Image caption"]) expect(run.text).not.toContain(clutter);
      for (const prose of ["The photo, taken in 2006"]) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === captions.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
