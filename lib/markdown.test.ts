import { describe, expect, it } from 'vitest';
import { articleMarkdown, htmlMarkdown } from './markdown';

describe('articleMarkdown', () => {
  it('turns headings, emphasis, links, images, lists, quotes and code into Markdown', () => {
    const root = document.createElement('div');
    root.innerHTML = `<h2>Intertitre</h2><p>Un <strong>mot</strong> et <em>un autre</em>, <a href="https://ex.org/a">un lien</a>.</p>
      <figure><img src="https://ex.org/i.jpg" alt="Une image"><figcaption>Légende</figcaption></figure>
      <ul><li>un</li><li>deux</li></ul><blockquote><p>Citation</p></blockquote><pre><code>x = 1</code></pre>`;
    expect(articleMarkdown(root)).toBe([
      '## Intertitre',
      'Un **mot** et _un autre_, [un lien](https://ex.org/a).',
      '![Une image](https://ex.org/i.jpg)',
      'Légende',
      '-   un\n-   deux',
      '> Citation',
      '```\nx = 1\n```',
    ].join('\n\n'));
  });

  it('leaves the element it converts unchanged', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>a  <b>b</b></p>';
    articleMarkdown(root);
    expect(root.innerHTML).toBe('<p>a  <b>b</b></p>');
  });

  it('htmlMarkdown: the same Markdown from the serialized html, parsed where nothing runs', () => {
    const root = document.createElement('div');
    root.innerHTML = '<h2>Titre</h2><p>Un <a href="https://ex.org/a">lien</a> et <em>plus</em>.</p><ul><li>un</li></ul>';
    expect(htmlMarkdown(root.innerHTML, document)).toBe(articleMarkdown(root));
    expect(htmlMarkdown('', document)).toBe('');
    const before = document.body.innerHTML;
    htmlMarkdown('<img src="x" onerror="window.ran = true"><p>t</p>', document);
    expect(document.body.innerHTML).toBe(before);
  });
});
