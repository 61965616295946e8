import { describe, expect, it } from 'vitest';
import { expectFixture } from './fixture-harness';
import { video } from './video';

describe('video rule', () => {
  it("removes players, player iframes, playlists, durations and play buttons, a player's card with its title whatever its words; keeps durations in sentences, clock times and race results", () => {
    const { plain, hashed } = expectFixture(video, 'video');
    for (const run of [plain, hashed]) {
      for (const clutter of ["04:25", "près de 9.200 comptes Twitter", "Un autre sujet vidéo", "Watch now", "02:15", "VIDÉO. Le futur", "動画", "Reportage : la crue", "02:48", "Le dernier train de nuit"]) expect(run.text).not.toContain(clutter);
      for (const prose of ["a parlé 04:22 minutes", "Watch the video of the full speech", "18:30", "2:04:22", "Au matin, la Loire était montée de deux mètres."]) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === video.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
