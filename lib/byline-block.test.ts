import { describe, expect, it } from 'vitest';
import { removeBylineBlocks } from './byline-block';
import type { Removal } from './types';

function article(html: string): Element {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

describe('removeBylineBlocks', () => {
  it('takes out the author block (portrait and name link) the metadata already gives, with its wrapper', () => {
    const root = article(`<div><p>Chapô de l'article.</p></div>
      <div><p><img src="a.jpg" alt="Aymeric Parthonnaud"> <a href="/auteur/ap">Aymeric Parthonnaud</a></p></div>
      <p>Premier paragraphe.</p>`);
    const removed: Removal[] = [];
    removeBylineBlocks(root, 'Aymeric Parthonnaud', removed);
    expect(root.textContent).not.toContain('Parthonnaud');
    expect(root.querySelectorAll('div')).toHaveLength(1);
    expect(removed).toEqual([{ rule: 'byline', reason: 'byline block, shown as metadata', text: 'Aymeric Parthonnaud' }]);
  });

  it('takes out "Par Name", "By: Name" and a lone "Par" whose name Readability took', () => {
    const root = article('<p><span>Par </span></p><p>By: Jane Roe</p><p>Texte.</p>');
    removeBylineBlocks(root, 'Jane Roe', []);
    expect(root.innerHTML).toBe('<p>Texte.</p>');
    const noMetadata = article('<div><span>Par</span></div><p>Texte.</p>');
    removeBylineBlocks(noMetadata, null, []);
    expect(noMetadata.innerHTML).toBe('<p>Texte.</p>');
  });

  it('keeps sentences that start with or mention the author, cells, lists and figures', () => {
    const html = `<p>Jane Roe a rencontré le maire mardi.</p><p>Par la suite, la ville a voté.</p>
      <table><tbody><tr><td>Jane Roe</td></tr></tbody></table><ul><li>Jane Roe</li></ul>
      <figure><img src="p.jpg" alt="Une photo"><figcaption>Jane Roe</figcaption></figure>`;
    const root = article(html);
    removeBylineBlocks(root, 'Jane Roe', []);
    expect(root.innerHTML).toBe(article(html).innerHTML);
  });

  it('keeps the punctuation spans of a code listing (no byline is made of punctuation alone)', () => {
    const listing = '<pre>log<span>(</span>x<span>)</span><span>;</span></pre>';
    const root = article(listing);
    removeBylineBlocks(root, 'Jane Roe', []);
    expect(root.innerHTML).toBe(listing);
  });
});
