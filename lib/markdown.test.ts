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

  it('escapes what Markdown would read as syntax, in the text and at the start of a line', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>5 * 3 = 15, a_b, [note], `x`, C:\\dir</p><p># not a heading</p><p>1. not a list</p>'
      + '<p>- not a bullet<br>> not a quote</p><p>Un <b>mot</b> - et 2. pas plus</p>';
    expect(articleMarkdown(root)).toBe([
      '5 \\* 3 = 15, a\\_b, \\[note\\], \\`x\\`, C:\\\\dir',
      '\\# not a heading',
      '1\\. not a list',
      '\\- not a bullet  \n\\> not a quote',
      'Un **mot** - et 2. pas plus',
    ].join('\n\n'));
  });

  it('lists: numbers from start, nested lists under their item, paragraphs in items indented, empty items gone', () => {
    const root = document.createElement('div');
    root.innerHTML = '<ol start="3"><li>trois<ul><li>a</li><li>b</li></ul></li><li><p>quatre</p><p>suite</p></li>'
      + '<li> </li></ol>';
    expect(articleMarkdown(root)).toBe('3.  trois\n    -   a\n    -   b\n4.  quatre\n\n    suite');
  });

  it('links, pictures and code: spaces outside the brackets, addresses and backticks kept intact', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Voir<a href="https://ex.org/wiki/A_(b) c" title="Le &quot;A&quot;"> la page </a>puis '
      + '<code>a `b` c</code>.</p><a href="https://ex.org/"><figure><img src="https://ex.org/i.jpg" alt="Photo [1]">'
      + '</figure></a><pre><code>if (a) {\n  ```\n}\n</code></pre><blockquote><p>Un</p><p>Deux</p></blockquote>'
      + '<h3>Titre<br>sur deux lignes</h3>';
    expect(articleMarkdown(root)).toBe([
      'Voir [la page](https://ex.org/wiki/A_%28b%29%20c "Le \\"A\\"") puis ``a `b` c``.',
      '[![Photo \\[1\\]](https://ex.org/i.jpg)](https://ex.org/)',
      '````\nif (a) {\n  ```\n}\n````',
      '> Un\n>\n> Deux',
      '### Titre sur deux lignes',
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
