import { describe, expect, it } from 'vitest';
import { comments } from './comments';
import { expectFixture } from './fixture-harness';

describe('comments rule', () => {
  it('removes comment sections, counters, prompts and embeds, with or without meaningful class names', () => {
    const { plain, hashed } = expectFixture(comments, 'comments');
    for (const run of [plain, hashed]) {
      for (const clutter of ['Signaler un commentaire', 'Se connecter', 'Créer un compte', 'Leave a Reply', 'Be the first to comment', '12 commentaires', 'leave a star rating']) {
        expect(run.text).not.toContain(clutter);
      }
    }
  });

  it('keeps article sentences that mention comments', () => {
    const { hashed } = expectFixture(comments, 'comments');
    expect(hashed.text).toContain('Les commentaires des élus ont été nombreux');
    expect(hashed.text).toContain('laisser un commentaire à la presse');
    expect(hashed.text).toContain('Critics rate this recipe book highly');
    expect(hashed.text).toContain('buyers can leave a rating');
  });

  it('says which heading opened the removed section', () => {
    const { hashed } = expectFixture(comments, 'comments');
    expect(hashed.removed.map((r) => r.reason)).toContain('comment section headed "Commentaires"');
  });
});
