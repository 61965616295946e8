import { describe, expect, it } from 'vitest';
import { expectFixture } from './fixture-harness';
import { related } from './related';

describe('related rule', () => {
  it("removes \"Lire aussi\", \"Related\", recommendation blocks and shouted headline links; keeps prose and linked headlines that begin with \"More\"", () => {
    const { plain, hashed } = expectFixture(related, 'related');
    for (const run of [plain, hashed]) {
      for (const clutter of ["Lire aussi :", "Another story", "La rédaction vous recommande", "TAYLOR SWIFT", "Rock Hall", "How the museum reopened", "Other Posts You May Enjoy", "Sourdough starter"]) expect(run.text).not.toContain(clutter);
      for (const prose of ["avoir lu aussi", "À lire aussi dans le rapport", "The NASA team", "More businesses are embracing", "More than 200 stories", "testimonies from every village"]) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === related.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
