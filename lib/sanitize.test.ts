// @vitest-environment jsdom
// DOMPurify only really sanitizes under jsdom and real browsers (not happy-dom 21), so these run under jsdom.

import { Window as HappyWindow } from 'happy-dom';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createSanitizer, SANITIZER_BROKEN } from './sanitize';

function parsed(html: string): HTMLDivElement {
  const div = document.implementation.createHTMLDocument('').createElement('div');
  div.innerHTML = html;
  return div;
}

describe('createSanitizer under jsdom', () => {
  const sanitizer = createSanitizer(window);

  it('passes its self-check and is cached per window', () => {
    expect(createSanitizer(window)).toBe(sanitizer);
    expect(createSanitizer(new JSDOM('').window as unknown as Window)).not.toBe(sanitizer);
  });

  it.each([
    ['<script>alert(1)</script><p>x</p>', /script|alert/],
    ['<img src="a.jpg" onerror="alert(1)">', /onerror|alert/],
    ['<a href="javascript:alert(1)">x</a>', /javascript|alert/],
    ['<a href=" JaVaScRiPt:alert(1)">x</a>', /javascript|alert/i],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:|alert/],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>', /iframe|srcdoc|alert/],
    ['<iframe src="https://www.youtube.com/embed/x"></iframe>', /iframe|youtube/],
    ['<form action="/login"><input name="q"><button>Go</button></form>', /form|input|button/],
    ['<p style="position:fixed">x</p>', /style/],
    ['<svg><animate onbegin="alert(1)"></animate></svg>', /onbegin|alert/],
    ['<video src="v.mp4" autoplay></video><audio src="a.mp3"></audio>', /video|audio/],
    ['<p data-track="1" onclick="x()">x</p>', /data-track|onclick/],
  ])('removes %s', (html, pattern) => {
    expect(sanitizer.sanitizedCopy(parsed(html)).innerHTML).not.toMatch(pattern);
  });

  it('keeps text, images, figures and captions, headings, lists, quotes, tables', () => {
    const html =
      '<h2>Sub</h2><figure><img src="https://cdn.example/a.jpg" alt="A" width="800"><figcaption>Cap</figcaption>' +
      '</figure><ul><li>one</li></ul><blockquote><p>q</p></blockquote><table><tbody><tr><td>c</td></tr></tbody>' +
      '</table><p><strong>b</strong> <em>i</em></p>';
    expect(sanitizer.sanitizedCopy(parsed(html)).innerHTML).toBe(html);
  });

  it("keeps a picture's srcset, sizes, width and height (the reader view sizes it before it loads)", () => {
    const html = '<figure><img src="https://cdn.example/a.jpg" srcset="https://cdn.example/a.jpg 800w, https://cdn.example/b.jpg 1600w" ' +
      'sizes="(max-width: 700px) 100vw, 700px" alt="A" width="800" height="533"><figcaption>Cap</figcaption></figure>';
    expect(sanitizer.sanitizedCopy(parsed(html)).innerHTML).toBe(html);
  });

  it('opens links in a new tab without telling the target where they came from; in-page links stay put', () => {
    const out = sanitizer.sanitizedCopy(parsed('<a href="https://ex.org/" target="_top">x</a><a href="#n" target="_blank">n</a>'));
    const [outer, inner] = out.querySelectorAll('a');
    expect(outer.getAttribute('target')).toBe('_blank');
    expect(outer.getAttribute('rel')).toBe('noopener noreferrer');
    expect(inner.hasAttribute('target')).toBe(false);
  });

  it('gives a sanitized copy of the root, leaving the root as it was', () => {
    const root = parsed('<script>x</script><p>y</p>');
    const copy = sanitizer.sanitizedCopy(root);
    expect(copy).not.toBe(root);
    expect(copy.nodeName).toBe('DIV');
    expect(copy.innerHTML).toBe('<p>y</p>');
    expect(root.innerHTML).toBe('<script>x</script><p>y</p>');
  });
});

describe('createSanitizer fails closed', () => {
  it('throws under happy-dom, where DOMPurify says it is supported but lets <script> through', () => {
    const win = new HappyWindow() as unknown as Window;
    expect(() => createSanitizer(win)).toThrow(SANITIZER_BROKEN);
    // The failure is cached too: no second chance for a broken environment.
    expect(() => createSanitizer(win)).toThrow(SANITIZER_BROKEN);
  });

  it('throws for a window DOMPurify cannot use at all', () => {
    expect(() => createSanitizer({} as Window)).toThrow(SANITIZER_BROKEN);
  });
});
