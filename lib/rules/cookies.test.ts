import { describe, expect, it } from 'vitest';
import { expectFixture } from './fixture-harness';
import { cookies } from './cookies';

describe('cookies rule', () => {
  it("removes cookie banners from their consent buttons; keeps sentences about cookies, other small forms and AEM's cmp- components", () => {
    const { plain, hashed } = expectFixture(cookies, 'cookies');
    for (const run of [plain, hashed]) {
      for (const clutter of ["Nous utilisons des cookies"]) expect(run.text).not.toContain(clutter);
      for (const prose of ["bandeaux cookies trompeurs", "Voulez-vous participer au sondage", "Le café est arrivé à Venise"]) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === cookies.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
