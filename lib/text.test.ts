import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { articleText, normalizeWhitespace, readingLength } from './text';

const countWords = (text: string) => readingLength(text).wordCount;
const readingMinutes = (text: string) => readingLength(text).readingMinutes;

function el(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('articleText', () => {
  it('gives lead, paragraphs, subheadings, list items and quotes in page order, a blank line between', () => {
    const root = el(`<p class="lead"><strong>EXCLUSIF</strong> - Le lead.</p><div><p>Premier paragraphe.</p>
      <h2>Un intertitre</h2><ul><li>Un</li><li>Deux <em>points</em></li></ul>
      <blockquote><p>« Une citation. »</p></blockquote></div><p>Fin.</p>`);
    expect(articleText(root)).toBe(
      'EXCLUSIF - Le lead.\n\nPremier paragraphe.\n\nUn intertitre\n\nUn\n\nDeux points\n\n« Une citation. »\n\nFin.');
  });

  it('normalizes whitespace: no-break and odd spaces, runs, indentation; <br> is a line break in its block', () => {
    const root = el('<p>  Un\u00a0\u00a0deux\u202ftrois\n\t quatre  </p><p>Ligne 1<br>Ligne 2<br><br>  Ligne 3 </p>');
    expect(articleText(root)).toBe('Un deux trois quatre\n\nLigne 1\nLigne 2\nLigne 3');
  });

  it('gives text split across inline elements without spaces added or lost', () => {
    expect(articleText(el('<p>J<b>ou</b>r<a href="#">nal</a> <i>du</i> soir</p>'))).toBe('Journal du soir');
  });

  it('gives a caption and a paragraph saying the same once, even with other spacing, case or punctuation', () => {
    const root = el('<figure><figcaption>Le même bloc de texte.</figcaption></figure><div>Un autre bloc de texte.</div>' +
      '<p>le  même bloc de texte</p><figure><figcaption>Un autre bloc de texte !</figcaption></figure>');
    expect(articleText(root)).toBe('Le même bloc de texte.\n\nUn autre bloc de texte.');
  });

  it('keeps a prose paragraph the author wrote twice, as Readability does; a repeated caption-length line goes', () => {
    const prose = 'Un paragraphe écrit deux fois, assez long pour être de la prose et non une légende. '.repeat(4).trim();
    const line = 'Une longue file de voitures invendues chez un concessionnaire. (AP Photo/David Zalubowski)';
    const root = el(`<p>${prose}</p><p>${line}</p><p>Un autre.</p><p>${prose}</p><p>${line}</p>`);
    expect(articleText(root)).toBe(`${prose}\n\n${line}\n\nUn autre.\n\n${prose}`);
  });

  it('lets short blocks repeat (table cells, answers) and keeps headings a table of contents listed before', () => {
    const root = el('<ul><li><a href="#a">Understanding the threshold</a></li></ul><table><tr><td>Yes</td></tr>' +
      '<tr><td>Yes</td></tr></table><h2 id="a">Understanding the threshold</h2><p>Body.</p>');
    expect(articleText(root)).toBe('Understanding the threshold\n\nYes\n\nYes\n\nUnderstanding the threshold\n\nBody.');
  });

  it('keeps list items and table rows that repeat for real (a weekly plan), not a credited caption said again in a list', () => {
    const week = (n: number) => `<h3>Week ${n}</h3><ul><li>Monday. Rest Day</li><li>Cool Down. 10-20 Minutes: Easy jogging</li></ul>`;
    const root = el(`${week(1)}${week(2)}<table><tr><td>Saturday</td><td>Long run in zone 2</td></tr>` +
      '<tr><td>Saturday</td><td>Long run in zone 2</td></tr></table>' +
      '<p>A runner at dawn on the quay. (AP Photo/Jane Roe)</p><ul><li>A runner at dawn on the quay. (AP Photo/Jane Roe)</li></ul>');
    expect(articleText(root)).toBe('Week 1\n\nMonday. Rest Day\n\nCool Down. 10-20 Minutes: Easy jogging\n\nWeek 2\n\n' +
      'Monday. Rest Day\n\nCool Down. 10-20 Minutes: Easy jogging\n\nSaturday Long run in zone 2\n\n' +
      'Saturday Long run in zone 2\n\nA runner at dawn on the quay. (AP Photo/Jane Roe)');
  });

  it('drops the headline at the top (it is `title`) but not later mentions of it', () => {
    const root = el('<h1>Le titre de l’article</h1><p>Texte.</p><p>Le titre de l’article</p>');
    expect(articleText(root, { title: "Le titre de l'article" })).toBe('Texte.\n\nLe titre de l’article');
  });

  it('drops a short byline block, not a paragraph that starts with the author’s name', () => {
    const long = 'Jane Roe, the minister, said the budget would be presented next week to the parliament in full detail.';
    const root = el(`<div><a href="/a/jane">Jane Roe</a><br><time>Published 2 May 2024</time></div><p>By Jane Roe</p><p>${long}</p>`);
    expect(articleText(root, { byline: 'Jane Roe' })).toBe(long);
  });

  it.each([
    ['<figcaption>Le musée du Bardo à Tunis. <span>Crédit photo : FETHI BELAID / AFP</span></figcaption>', 'Le musée du Bardo à Tunis.'],
    ['<figcaption>Le musée du Bardo © AFP</figcaption>', 'Le musée du Bardo'],
    ['<figcaption>Photo : Jean Dupont / Le Journal</figcaption>', ''],
    ['<figcaption>The White House at night. Credit: Getty Images</figcaption>', 'The White House at night.'],
    ['<figcaption>Protesters in Paris. Photograph: Benoit Tessier/Reuters</figcaption>', 'Protesters in Paris.'],
    ['<figcaption>Crowds gathered on Sunday. (Photo by John Smith/Getty Images)</figcaption>', 'Crowds gathered on Sunday.'],
    ['<figcaption>Le ministre.<br>Crédits : Reuters</figcaption>', 'Le ministre.'],
    ['<figcaption>The launch pad in Baikonur.(Oleg Urusov/Press Service photo via AP)</figcaption>', 'The launch pad in Baikonur.'],
    ['<figcaption>大雪で運休した新潟駅＝21日（写真：共同通信）</figcaption>', '大雪で運休した新潟駅＝21日'],
  ])('drops the photo credit of %s', (caption, expected) => {
    expect(articleText(el(`<figure><img src="a.jpg">${caption}</figure><p>Body.</p>`))).toBe(
      expected ? `${expected}\n\nBody.` : 'Body.');
  });

  it('drops a credit line standing alone, keeps body text that mentions photos', () => {
    const root = el('<p>© AFP</p><p>Photo: the scene on Sunday was described by witnesses as chaotic and loud.</p>');
    expect(articleText(root)).toBe('Photo: the scene on Sunday was described by witnesses as chaotic and loud.');
  });

  it('skips scripts, styles, hidden elements; rows of a table are blocks', () => {
    const root = el('<p>A</p><script>var x</script><style>p{}</style><p hidden>secret</p>' +
      '<table><tr><th>Ville</th><th>Score</th></tr><tr><td>Paris</td><td>3</td></tr></table>');
    expect(articleText(root)).toBe('A\n\nVille Score\n\nParis 3');
  });

  it('keeps the lines and indentation of preformatted text', () => {
    expect(articleText(el('<pre>if (x) {\n    y();\n}\n</pre>'))).toBe('if (x) {\n    y();\n}');
  });

  it('handles very deep nesting without recursion', () => {
    const depth = 20_000;
    expect(articleText(el(`${'<span>'.repeat(depth)}deep${'</span>'.repeat(depth)}`))).toBe('deep');
  });

  it('gives the same text under jsdom as under happy-dom (it reads nodes, never layout)', () => {
    const html = `<h2>Titre</h2><p>Un&nbsp;: deux<br>trois</p><ul><li>a</li><li>b <b>c</b></li></ul>
      <figure><img src=x><figcaption>Légende. Crédit : AFP</figcaption></figure><table><tr><td>1</td><td>2</td></tr></table>`;
    const jsdomRoot = new JSDOM(`<div>${html}</div>`).window.document.body.firstElementChild!;
    expect(articleText(jsdomRoot)).toBe(articleText(el(html)));
  });
});

describe('normalizeWhitespace', () => {
  it('keeps line breaks, drops blank lines and zero-width spaces, keeps the ideographic space between words', () => {
    expect(normalizeWhitespace('  a \u00a0 b \n\n  c\u3000d\u200b  \u3000')).toBe('a b\nc\u3000d');
  });
});

describe('word count and reading time', () => {
  it('counts words in Latin, Arabic and Hebrew script by spaces, elisions and hyphens inside a word', () => {
    expect(countWords("L'État a décidé : c'est un week-end de 3 jours.")).toBe(9);
    expect(countWords('أعلنت الحكومة المصرية اليوم')).toBe(4);
    expect(countWords('הממשלה הודיעה היום')).toBe(3);
  });

  it('counts each Chinese or Japanese character, as they are written without spaces', () => {
    expect(countWords('東京都は新しい計画を発表した')).toBe(14);
    expect(countWords('Apple 发布了新产品')).toBe(1 + 6);
  });

  it('reads 230 words or 500 CJK characters a minute, at least 1 minute for any text, 0 for none', () => {
    expect(readingMinutes('')).toBe(0);
    expect(readingMinutes('Un mot.')).toBe(1);
    expect(readingMinutes('mot '.repeat(230 * 4))).toBe(4);
    expect(readingMinutes('字'.repeat(500 * 3))).toBe(3);
  });
});
