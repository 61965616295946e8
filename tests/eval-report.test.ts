import { describe, expect, it } from 'vitest';
import type { PageScore } from '../scripts/eval-corpora.ts';
import { formatLeaks, leakKind } from '../scripts/eval-report.ts';

describe('--leaks groups what leaks by kind of clutter', () => {
  it('names the kind from the snippet words, English and French', () => {
    expect(leakKind('Sign up for our newsletter')).toBe('newsletter');
    expect(leakKind('Abonnez-vous à notre lettre')).toBe('newsletter');
    expect(leakKind('Share on Facebook')).toBe('share');
    expect(leakKind('Leave a comment')).toBe('comments');
    expect(leakKind('You may also like')).toBe('related');
    expect(leakKind('© 2025 Example Inc.')).toBe('legal');
    expect(leakKind('Skip to main content')).toBe('navigation');
    expect(leakKind('Compare new car deals with leasing.com')).toBe('ads');
    expect(leakKind('Grossmont College')).toBe('other');
  });

  it('lists the largest kind first, with each side counted', () => {
    const page = (id: string, side: 'tune' | 'validate', leaked: string[]) =>
      ({ corpus: 'wcxb', id, url: `https://${id}.example/`, pageType: 'article', side, withoutCount: 4,
        clarte: { leaked }, plain: {} }) as unknown as PageScore;
    const report = formatLeaks([
      page('0001', 'tune', ['Subscribe now', 'Share this']),
      page('0002', 'validate', ['Get our newsletter', 'Join our mailing list']),
    ]);
    const lines = report.split('\n');
    expect(lines[0]).toBe("Leaked 'without' snippets: 4 on 2 articles, by kind (validate / tune):");
    expect(lines[1]).toMatch(/^ {2}newsletter +3 {2}\(2 \/ 1\)$/);
    expect(lines[2]).toMatch(/^ {2}share +1 {2}\(0 \/ 1\)$/);
  });
});
