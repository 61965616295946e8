import { describe, expect, it } from 'vitest';
import { disclosure } from './disclosure';
import { expectFixture } from './fixture-harness';

describe('disclosure rule', () => {
  it('removes affiliate and advertiser disclosures and publisher disclaimers; keeps prose about affiliate marketing', () => {
    const { plain, hashed } = expectFixture(disclosure, 'disclosure');
    for (const run of [plain, hashed]) {
      for (const clutter of ['DISCLOSURE', 'chosen independently', 'liens affiliés', 'Advertiser Disclosure', 'may contain affiliate links', 'not necessarily those', 'Advisory services']) expect(run.text).not.toContain(clutter);
      for (const prose of ['We brewed forty pots', 'Affiliate marketing grew fast', 'views expressed in the report']) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === disclosure.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
