import { describe, expect, it } from 'vitest';
import { formatForCopy } from './copy-format';

const article = {
  title: 'Un titre',
  url: 'https://example.org/a',
  text: 'Premier paragraphe.\n\nSecond paragraphe.',
  markdown: 'Premier _paragraphe_.\n\nSecond paragraphe.',
};

describe('formatForCopy', () => {
  it('copies the text exactly as shown', () => {
    expect(formatForCopy(article, 'text')).toBe(article.text);
  });

  it('copies Markdown under the title, with the source address', () => {
    expect(formatForCopy(article, 'markdown')).toBe(
      '# Un titre\n\nPremier _paragraphe_.\n\nSecond paragraphe.\n\n<https://example.org/a>',
    );
  });

  it('copies the title and the source link before the text', () => {
    expect(formatForCopy(article, 'text-with-source')).toBe(
      'Un titre\n\nhttps://example.org/a\n\nPremier paragraphe.\n\nSecond paragraphe.',
    );
  });

  it('leaves out a missing title or address', () => {
    const bare = { ...article, title: null, url: null };
    expect(formatForCopy(bare, 'text-with-source')).toBe(article.text);
    expect(formatForCopy(bare, 'markdown')).toBe(article.markdown);
  });
});
