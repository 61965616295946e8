import { describe, expect, it } from 'vitest';
import { callToAction } from './call-to-action';
import { expectFixture } from './fixture-harness';

describe('call-to-action rule', () => {
  it('removes lone buttons that ask the reader to act, with their promo box; and discount-offer paragraphs; keeps links inside sentences', () => {
    const { plain, hashed } = expectFixture(callToAction, 'call-to-action');
    for (const run of [plain, hashed]) {
      for (const clutter of ['Book a demo', 'Centralize, simplify', 'Find your school', 'best fit university', 'Sponsor this', "S'abonner", 'off your first order']) {
        expect(run.text).not.toContain(clutter);
      }
      for (const prose of ['asks that you donate', 'contact us pages list', 'vous abonner au cours', 'online course is a set', 'appears in print', 'offered $60 off a first box']) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === callToAction.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
