import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishPictures } from './article-pictures';
import type { Removal } from './types';

const fixture = readFileSync(join(import.meta.dirname, 'fixtures/pictures/article.html'), 'utf8');

describe("the article's pictures after Readability", () => {
  const doc = new DOMParser().parseFromString(fixture, 'text/html');
  const removed: Removal[] = [];
  finishPictures(doc.getElementById('article')!, 'https://www.example.fr/actu/region/gare.html', removed);
  const html = doc.body.innerHTML;

  it('makes every address absolute, srcset and sizes and size kept', () => {
    const img = doc.querySelector('#relative img')!;
    expect(img.getAttribute('src')).toBe('https://www.example.fr/actu/photos/quai.jpg');
    expect(img.getAttribute('srcset')).toBe('https://www.example.fr/actu/photos/quai.jpg 800w, https://www.example.fr/photos/quai-1600.jpg 1600w');
    expect(img.getAttribute('sizes')).toBe('100vw');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['800', '533']);
  });

  it('says a caption once, inside its figure', () => {
    expect(doc.querySelectorAll('#relative figcaption')).toHaveLength(1);
    expect(html.match(/Le quai de la gare/g)).toHaveLength(1);
  });

  it('removes pictures declared under 50×50 and from tracker hosts, and a figure left without its picture', () => {
    expect(html).not.toMatch(/pixel\.gif|rss\.png|scorecardresearch|google-analytics|Légende sans image/);
    expect(html).toContain('Une icône  dans le texte.');
    expect(removed.map((r) => r.reason)).toEqual(expect.arrayContaining([
      'caption repeated', 'caption repeated after its figure', 'picture declared 1×1', 'picture declared 16×16',
      'tracking pixel (sb.scorecardresearch.com)', 'figure without its picture',
    ]));
    expect(removed.every((r) => r.rule === 'pictures')).toBe(true);
  });

  it('leaves no empty paragraph, and keeps a figure that holds a quotation', () => {
    expect(doc.querySelectorAll('p').length).toBe(3);
    expect(doc.getElementById('emptied')).toBeNull();
    expect(doc.querySelector('#quote blockquote')).not.toBeNull();
  });
});
