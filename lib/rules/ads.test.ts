import { describe, expect, it } from 'vitest';
import { expectFixture } from './fixture-harness';
import { ads } from './ads';

describe('ads rule', () => {
  it("removes ad slots and ad labels; keeps prose about advertising and wrappers and headings with misleading names", () => {
    const { plain, hashed } = expectFixture(ads, 'ads');
    for (const run of [plain, hashed]) {
      for (const clutter of ["Publicité", "Advertisement", "Story continues below", "In partnership with"]) expect(run.text).not.toContain(clutter);
      for (const prose of ["Le marché de la publicité", "Texte de l'article", "Régies et éditeurs", "in partnership with the city"]) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === ads.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
