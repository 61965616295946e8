// Page shapes that can make a step super-linear, each around the plain test article (tests/xss/article.ts): the
// page-shape matrix of the CLI and Chromium tests, and `npm run bench`'s growth check. Generated, never committed.
// `scale` multiplies the shape's size (1 is the matrix's size), so a run at 1, 2 and 4 shows how time grows.
import { articlePage } from './article.ts';

const SENTENCE = 'The harbour office logged another boat coming in before the tide. ';
const times = (count: number, make: (index: number) => string) => Array.from({ length: count }, (_, index) => make(index)).join('');

export const pageShapes = {
  /** 200,000 sibling <div>s in a row inside the article (Readability retags each childless <div>). */
  flatSiblings: (scale = 1) => articlePage({ inserts: [`<div class="run">${'<div>tick</div>'.repeat(200_000 * scale)}</div>`] }),
  /** A 20,000-row table of 10 cells inside the article. */
  hugeTable: (scale = 1) => articlePage({ inserts: [
    `<table><tbody>${times(20_000 * scale, (row) => `<tr>${times(10, (cell) => `<td>${row}.${cell}</td>`)}</tr>`)}</tbody></table>`,
  ] }),
  /** 30,000 paragraphs of prose after the article's own. */
  manyParagraphs: (scale = 1) => articlePage({ inserts: [times(30_000 * scale, (index) => `<p>${index}. ${SENTENCE.repeat(2)}</p>`)] }),
  /** One text node of 20 MB (words and spaces) inside a paragraph of the article. */
  longTextNode: (scale = 1) => articlePage({ inserts: [`<p>${SENTENCE.repeat(Math.ceil((20e6 * scale) / SENTENCE.length))}</p>`] }),
  /** A 5 MB word without a space inside a paragraph of the article. */
  longWord: (scale = 1) => articlePage({ inserts: [`<p>${'harbour'.repeat(Math.ceil((5e6 * scale) / 7))}</p>`] }),
  /** 5,000 levels of alternating <span> and <b> around a sentence inside the article. */
  deepInline: (scale = 1) => {
    const depth = 5_000 * scale;
    const open = times(depth, (level) => (level % 2 ? '<b>' : '<span>'));
    const close = times(depth, (level) => (level % 2 ? '</span>' : '</b>'));
    return articlePage({ inserts: [`<p>${open}Deep inside the inline boxes.${close}</p>`] });
  },
  /** 100,000 links inside the article, 1,000 to a paragraph. */
  manyLinks: (scale = 1) => articlePage({ inserts: [
    times(100 * scale, (block) => `<p>${times(1_000, (link) => `<a href="/story/${block}/${link}">Story ${link}</a> `)}</p>`),
  ] }),
  /** 20,000 pictures with captions inside the article (lazy, as sites load them: a browser asks for the first few). */
  manyImages: (scale = 1) => articlePage({ inserts: [
    times(20_000 * scale, (index) => `<figure><img src="/images/${index}.jpg" loading="lazy" width="640" height="360" alt="Picture ${index}"><figcaption>Picture ${index}</figcaption></figure>`),
  ] }),
} satisfies Record<string, (scale?: number) => string>;

export type PageShape = keyof typeof pageShapes;
