import { describe, expect, it } from 'vitest';
import { expectFixture } from './fixture-harness';
import { share } from './share';

describe('share rule', () => {
  it("removes share bars found by sharer links or by their words; keeps sentences with \"partager\"", () => {
    const { plain, hashed } = expectFixture(share, 'share');
    for (const run of [plain, hashed]) {
      for (const clutter of ["Tweeter", "Envoyer", "Share this article", "Click To Tweet", "Pin this for later", "Share this recipe", "Share Tech World"]) expect(run.text).not.toContain(clutter);
      for (const prose of ["partager l'information", "Partager la route", "Aymeric Parthonnaud", "The laws of physics", "Pin the dough"]) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === share.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
