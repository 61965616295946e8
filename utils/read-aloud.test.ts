// Sentences are wrapped in place for the highlight: the article's text and markup must come out the same, each
// sentence's spans must hold exactly its text, and what is not the article (outline, site line) is not read.
import { describe, expect, it } from 'vitest';
import { wrapSentences } from './read-aloud';

function article(html: string): HTMLElement {
  const node = document.createElement('article');
  node.innerHTML = html;
  return node;
}

describe('wrapSentences', () => {
  it('wraps each sentence across inline markup and keeps the text', () => {
    const node = article(
      '<p class="site">RTL · 7 janvier</p><nav><button>Plan</button></nav>'
      + '<h1>La crue de la Loire</h1>'
      + '<p>La Loire <b>monte. Les digues</b> tiennent. « On attend », dit le maire.</p>'
      + '<ul><li>Première <a href="https://a.example/">alerte</a>.</li><li>Seconde.</li></ul>',
    );
    const before = node.textContent;
    const sentences = wrapSentences(node, 'fr');
    expect(node.textContent).toBe(before);
    expect(sentences.map((sentence) => sentence.text.trim())).toEqual([
      'La crue de la Loire',
      'La Loire monte.',
      'Les digues tiennent.',
      '« On attend », dit le maire.',
      'Première alerte.',
      'Seconde.',
    ]);
    expect(sentences.map((sentence) => sentence.block)).toEqual([0, 1, 1, 1, 2, 3]);
    for (const sentence of sentences) {
      expect(sentence.spans.map((span) => span.textContent).join('')).toBe(sentence.text);
      for (const span of sentence.spans) expect(span.className).toBe('sentence');
    }
    // The sentence that crosses the <b> is two spans, one each side of its edge; the link is still a link.
    expect(sentences[2]!.spans.map((span) => span.parentElement!.localName)).toEqual(['b', 'p']);
    expect(node.querySelector('a')!.textContent).toBe('alerte');
    expect(node.querySelector('.site .sentence, nav .sentence')).toBeNull();
  });

  it('splits a sentence longer than an engine says in one go, and reads a quote once', () => {
    const long = Array.from({ length: 60 }, (_, n) => `clause ${n}`).join(', ');
    const node = article(`<blockquote><p>${long}.</p></blockquote><p>Short one.</p>`);
    const sentences = wrapSentences(node, 'en');
    expect(sentences.length).toBeGreaterThan(2);
    expect(sentences.every((sentence) => sentence.text.length <= 250)).toBe(true);
    expect(sentences.map((sentence) => sentence.text).join(' ')).toBe(`${long}. Short one.`);
  });
});
