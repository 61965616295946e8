import { describe, expect, it } from 'vitest';
import { expectFixture } from './fixture-harness';
import { breadcrumbs } from './breadcrumbs';

describe('breadcrumbs rule', () => {
  it("removes breadcrumbs named or shaped like one (home link first); keeps prose with links", () => {
    const { plain, hashed } = expectFixture(breadcrumbs, 'breadcrumbs');
    for (const run of [plain, hashed]) {
      for (const clutter of ["Accueil Actu", "Home › News"]) expect(run.text).not.toContain(clutter);
      for (const prose of ["Back at home", "Accueil et aide"]) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === breadcrumbs.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
