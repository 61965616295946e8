import { describe, expect, it } from 'vitest';
import { formatArticleDate } from './article-date';

describe('formatArticleDate', () => {
  it('writes the date in the UI language', () => {
    expect(formatArticleDate('2015-03-18T12:32:00+01:00', 'fr')).toBe('18 mars 2015');
    expect(formatArticleDate('2015-03-18T12:32:00+01:00', 'en-US')).toBe('March 18, 2015');
  });

  it('gives null for a missing or unreadable date', () => {
    expect(formatArticleDate(null, 'fr')).toBeNull();
    expect(formatArticleDate('', 'fr')).toBeNull();
    expect(formatArticleDate('hier', 'fr')).toBeNull();
  });

  it('falls back to English for a locale Intl refuses', () => {
    expect(formatArticleDate('2015-03-18T12:00:00Z', 'not a locale!')).toBe('March 18, 2015');
  });
});
