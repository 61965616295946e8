import { describe, expect, it } from 'vitest';
import { credits } from './credits';
import { expectFixture } from './fixture-harness';

describe('credits rule', () => {
  it('removes photo credits and gallery counters; keeps captions and sentences about photos or sources', () => {
    const { plain, hashed } = expectFixture(credits, 'credits');
    for (const run of [plain, hashed]) {
      for (const clutter of ['FEDERICO PARRA', 'Image 1 of 5', 'Image credit', 'Image copyright', 'Feature image by']) expect(run.text).not.toContain(clutter);
      for (const prose of ['Le journaliste avait couvert les piratages', 'The photo, taken in 2006', "Source : les chiffres de l'Insee", 'Featured images by local photographers']) {
        expect(run.text).toContain(prose);
      }
      expect(run.removed.every((removal) => removal.rule === 'credits' && removal.reason.length > 3)).toBe(true);
    }
  });
});
