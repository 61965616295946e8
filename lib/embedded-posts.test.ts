import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticEmbeddedPosts } from './embedded-posts';
import { hashtagsInElement } from './hashtags';
import type { Removal } from './types';

// One fixture per network, from the markup it publishes for embedding, in French and English; each embed sits in
// a div whose data-expect-* say the quote it must become.
const DIR = join(import.meta.dirname, 'fixtures/embedded-posts');
const collapse = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe.each(readdirSync(DIR).filter((name) => name.endsWith('.html')))('embedded posts: %s', (name) => {
  const doc = new DOMParser().parseFromString(readFileSync(join(DIR, name), 'utf8'), 'text/html');
  const removed: Removal[] = [];
  const count = staticEmbeddedPosts(doc.body, removed);
  const cases = Array.from(doc.querySelectorAll('[data-expect-url]'));

  it('becomes static quotes: no script, no iframe, no widget markup left', () => {
    expect(cases.length).toBeGreaterThanOrEqual(2);
    expect(count).toBe(cases.length);
    expect(doc.querySelector('script, iframe, svg, blockquote[class], .fb-post')).toBeNull();
    expect(removed.every((removal) => removal.rule === 'embedded-posts' && /post/.test(removal.reason))).toBe(true);
  });

  it.each(cases.map((el, i) => [i, el] as const))('post %i: text, author and handle, date, link to the original', (_i, wrapper) => {
    const quotes = wrapper.querySelectorAll('blockquote');
    expect(quotes).toHaveLength(1);
    const paragraphs = Array.from(quotes[0].querySelectorAll('p'));
    const attribution = paragraphs[paragraphs.length - 1];
    const text = wrapper.getAttribute('data-expect-text')!;
    if (text) expect(collapse(paragraphs[0].textContent)).toBe(text);
    else expect(paragraphs).toHaveLength(1);
    expect(collapse(attribution.textContent)).toContain(wrapper.getAttribute('data-expect-author')!);
    const links = quotes[0].querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe(wrapper.getAttribute('data-expect-url'));
    expect(links[0].getAttribute('rel')).toBe('noopener noreferrer');
    expect(collapse(links[0].textContent)).toContain(wrapper.getAttribute('data-expect-date')!);
    // Its hashtags are the story's.
    const tags = text.match(/#[\p{L}\p{N}_]+/gu) ?? [];
    expect(hashtagsInElement(quotes[0]).map((h) => h.tag.toLowerCase())).toEqual(tags.map((t) => t.toLowerCase()));
  });
});

describe('embedded posts', () => {
  it('leaves an ordinary quotation, other iframes and other scripts alone', () => {
    const doc = new DOMParser().parseFromString(
      '<blockquote><p>“Go, do not wait.”</p><a href="https://example.org/">source</a></blockquote><iframe src="https://maps.example.org/embed"></iframe>'
        + '<script src="/js/app.js"></script><script>window.embed = "platform.twitter.com/widgets.js";</script>',
      'text/html',
    );
    const before = doc.body.innerHTML;
    expect(staticEmbeddedPosts(doc.body, [])).toBe(0);
    expect(doc.body.innerHTML).toBe(before);
  });
});
