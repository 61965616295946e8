import { describe, expect, it } from 'vitest';
import { expectFixture } from './fixture-harness';
import { newsletter } from './newsletter';

describe('newsletter rule', () => {
  it("removes newsletter sign-ups and paywall prompts; keeps sentences about newsletters and subscribers", () => {
    const { plain, hashed } = expectFixture(newsletter, 'newsletter');
    for (const run of [plain, hashed]) {
      for (const clutter of ["Inscrivez-vous", "réservé aux abonnés", "Subscribe to continue reading", "Support the Daily Courier", "£2 a month", "Join our mailing list", "Stay connected", "Subscribe here", "Hechinger newsletters", "please consider liking", "follow us on Facebook", "preferred source", "funded by readers", "STAT+ subscribers", "Subscribe to get access"]) expect(run.text).not.toContain(clutter);
      for (const prose of ["La newsletter du ministère", "Subscribers to the streaming service", "join the mailing list of the council", "subscribe here in town hall", "free for residents"]) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === newsletter.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
