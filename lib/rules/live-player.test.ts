import { describe, expect, it } from 'vitest';
import { expectFixture } from './fixture-harness';
import { livePlayer } from './live-player';

describe('live-player rule', () => {
  it("removes live-player bars and badges; keeps sentences about live broadcasts", () => {
    const { plain, hashed } = expectFixture(livePlayer, 'live-player');
    for (const run of [plain, hashed]) {
      for (const clutter of ["En Direct", "Watch the debate"]) expect(run.text).not.toContain(clutter);
      for (const prose of ["diffusé en direct", "Live music returns"]) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === livePlayer.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
