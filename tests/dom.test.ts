// The CLI's DOM (cli/dom.ts): jsdom with its live child lists refreshed when read rather than rebuilt on every
// change. They must stay exactly as live as before.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../cli/dom.ts';

describe('parseHtml: live childNodes, children and Ranges', () => {
  it('reflect every change made after they were first read', () => {
    const document = parseHtml('<div id="run"><p>a</p>text<p>b</p><p>c</p></div>').window.document;
    const run = document.getElementById('run')!;
    const children = run.children;
    const childNodes = run.childNodes;
    expect([children.length, childNodes.length]).toEqual([3, 4]);

    run.replaceChild(document.createElement('section'), children[1]);
    run.append(document.createElement('aside'));
    run.firstChild!.remove();
    expect([...children].map((element) => element.localName)).toEqual(['section', 'p', 'aside']);
    expect(children.length).toBe(3);
    expect(childNodes.length).toBe(4);
    expect(childNodes[0].textContent).toBe('text');
    expect(childNodes.item(3)).toBe(run.lastChild);
    expect(children.namedItem('run')).toBeNull();

    run.textContent = '';
    expect([children.length, childNodes.length, childNodes[0]]).toEqual([0, 0, undefined]);
  });

  it('leave Ranges tracking the nodes around them', () => {
    const document = parseHtml('<div id="run"><p>a</p><p>b</p><p>c</p><p>d</p></div>').window.document;
    const run = document.getElementById('run')!;
    const range = document.createRange();
    range.setStart(run, 2);
    range.setEnd(run, 3);
    run.firstElementChild!.remove();
    expect([range.startOffset, range.endOffset]).toEqual([1, 2]);
    run.insertBefore(document.createElement('hr'), run.firstChild);
    expect([range.startOffset, range.endOffset, range.toString()]).toEqual([2, 3, 'c']);
  });

  it('keep a list read once from holding up changes to a long run of siblings', () => {
    const count = 20_000;
    const document = parseHtml(`<div id="run">${'<div>x</div>'.repeat(count)}</div>`).window.document;
    const run = document.getElementById('run')!;
    expect(run.childNodes.length).toBe(count);
    // What Readability does to each childless <div>: one replacement per sibling. (A static list: spreading an
    // HTMLCollection is itself quadratic in jsdom, each step looking `length` up as a named item.)
    for (const div of run.querySelectorAll(':scope > div')) run.replaceChild(document.createElement('p'), div);
    expect(run.querySelectorAll(':scope > p').length).toBe(count);
    expect(run.children[count - 1].localName).toBe('p');
  });

  it('find named items in a collection as jsdom does, after changes too', () => {
    const document = parseHtml('<div id="run"><p id="a">1</p><p name="a">2</p><input name="b"><svg name="c"></svg><p id="length">3</p></div>').window.document;
    const run = document.getElementById('run')!;
    const children = run.children;
    expect(children.namedItem('a')?.textContent).toBe('1');
    expect(children.namedItem('b')?.localName).toBe('input');
    // `name` counts on HTML elements only.
    expect(children.namedItem('c')).toBeNull();
    // A named item never hides the collection's own properties.
    expect(children.length).toBe(5);
    expect(children.namedItem('length')?.textContent).toBe('3');
    run.firstElementChild!.remove();
    expect(children.namedItem('a')?.textContent).toBe('2');
    run.querySelector('input')!.setAttribute('name', 'd');
    expect([children.namedItem('b'), children.namedItem('d')?.localName]).toEqual([null, 'input']);
    expect((children as unknown as Record<string, Element>).d.localName).toBe('input');
  });
});

describe('parseHtml: frames', () => {
  it('are parsed as elements but given no window of their own', () => {
    const { window } = parseHtml('<p>a</p><iframe src="https://example.com/embed"></iframe><iframe></iframe><frameset><frame></frameset>');
    const frames = [...window.document.querySelectorAll('iframe')];
    expect(frames.map((frame) => frame.getAttribute('src'))).toEqual(['https://example.com/embed', null]);
    expect(frames.map((frame) => frame.contentWindow)).toEqual([null, null]);
    expect(window.length).toBe(0);
    frames[1].setAttribute('src', 'about:blank');
    frames[0].remove();
    expect([frames[1].contentDocument, window.length]).toEqual([null, 0]);
    window.close();
  });
});
