import { describe, expect, it } from 'vitest';
import { expectFixture } from './fixture-harness';
import { footer } from './footer';

describe('footer rule', () => {
  it("removes site footers and copyright notices; keeps a legal link in a sentence and the article's own footer", () => {
    const { plain, hashed } = expectFixture(footer, 'footer');
    for (const run of [plain, hashed]) {
      for (const clutter of ["Mentions légales", "© RTL 2015", "All Rights Reserved"]) expect(run.text).not.toContain(clutter);
      for (const prose of ["politique de confidentialité", "Sécurité"]) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === footer.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
