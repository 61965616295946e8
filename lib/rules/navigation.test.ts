import { describe, expect, it } from 'vitest';
import { expectFixture } from './fixture-harness';
import { navigation } from './navigation';

describe('navigation rule', () => {
  it("removes nav, menus of short links, skip links, widget labels and tag lists; keeps article lists", () => {
    const { plain, hashed } = expectFixture(navigation, 'navigation');
    for (const run of [plain, hashed]) {
      for (const clutter of ["Skip to content", "US & World", "slideshow", "Tags", "arrombamento", "JUMP TO THE LIST", "Loading paragraph"]) expect(run.text).not.toContain(clutter);
      for (const prose of ["Close to the border", "Flour", "The first report", "Venue and catering", "The moving process", "Go to step 2 of the guide", "Loading the ferry"]) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === navigation.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
