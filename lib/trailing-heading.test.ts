import { describe, expect, it } from 'vitest';
import { removeTrailingHeading } from './trailing-heading';
import type { Removal } from './types';

function article(html: string): Element {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

function run(html: string): { root: Element; removed: Removal[] } {
  const root = article(html);
  const removed: Removal[] = [];
  removeTrailingHeading(root, removed);
  return { root, removed };
}

describe('removeTrailingHeading', () => {
  it('takes out the heading of a section that is gone, however deep, and says why', () => {
    // WCXB 4715: a carousel's title, left once its cards were removed.
    const { root, removed } = run(`<h2>Why it worked</h2><p>Sales doubled in a year.</p>
      <section><h2>How other merchants stack up</h2><div> <a href="/x"> </a></div></section>`);
    expect(root.textContent).toContain('Why it worked');
    expect(root.textContent).toContain('Sales doubled in a year.');
    expect(root.textContent).not.toContain('stack up');
    expect(removed).toEqual([{ rule: 'trailing-heading', reason: 'heading with nothing after it', text: 'How other merchants stack up' }]);
  });

  it('takes a heading built of inline parts (WCXB 4703)', () => {
    const { root } = run('<p>Low light is enough for many plants.</p><div><h3><strong>Essentials for</strong> happy plants:</h3></div>');
    expect(root.textContent).not.toContain('happy plants');
  });

  it('keeps a heading followed by text or by a picture or table only', () => {
    const { root, removed } = run(`<p>Intro.</p><h2>The map</h2><figure><img src="map.png" alt=""></figure>
      <h2>Results</h2><table><tr><td></td></tr></table>`);
    expect(root.querySelectorAll('h2')).toHaveLength(2);
    expect(removed).toEqual([]);
  });

  it('keeps headings that are text: a run of them, a long one, a question to the reader', () => {
    // WCXB 4113 (links set as headings), 0344 (sources in a heading), 4562 (the closing question).
    for (const html of [
      '<p>My favourite shops.</p><h3><a href="/a">my mountain boots</a></h3><h3><a href="/b">my travel boots</a></h3>',
      '<p>Phones got simpler.</p><h4>Sources: Smartphone Basics Explained For Seniors &amp; Beginners, Green Smartphones, Pew Research 2024</h4>',
      '<p>Small houses have limits.</p><h3>What do you think about the cons of living small?</h3>',
      '<div><h1>Title</h1></div>',
      '',
    ]) {
      const { root, removed } = run(html);
      expect(removed, html).toEqual([]);
      expect(root.innerHTML).toBe(article(html).innerHTML);
    }
  });
});
