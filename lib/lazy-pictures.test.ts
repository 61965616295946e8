// @vitest-environment jsdom
// jsdom: as in the CLI, <noscript> content is markup there; a live page (scripts on) gives it as text, tested too.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { resolveLazyPictures } from './lazy-pictures';

const fixture = readFileSync(join(import.meta.dirname, 'fixtures/pictures/lazy.html'), 'utf8');
const load = () => new JSDOM(fixture, { url: 'https://www.example.fr/actu/tram.html' }).window.document;

describe('lazy pictures', () => {
  const doc = load();
  const report = resolveLazyPictures(doc.body);
  const img = (selector: string) => doc.querySelector(selector)!;

  it('replaces a placeholder data: GIF by data-src, and takes data-srcset and data-sizes', () => {
    const lazy = img('#lazysizes img');
    expect(lazy.getAttribute('src')).toBe('/photos/tram-800.jpg');
    expect(lazy.getAttribute('srcset')).toBe('/photos/tram-800.jpg 800w, /photos/tram-1600.jpg 1600w');
    expect(lazy.getAttribute('sizes')).toBe('(max-width: 700px) 100vw, 700px');
    expect(lazy.getAttribute('width')).toBe('800');
    expect(lazy.getAttribute('height')).toBe('533');
  });

  it('replaces a placeholder file by data-lazy-src, and a missing src by data-original', () => {
    expect(img('#wp').getAttribute('src')).toBe('https://cdn.example.fr/wp/chantier-1024x683.jpg');
    expect(img('#wp').getAttribute('srcset')).toContain('chantier-300x200.jpg 300w');
    expect(img('#original').getAttribute('src')).toBe('images/station.jpg');
  });

  it('turns a <picture> into its <img>, with the source without media condition as srcset and its largest as src', () => {
    expect(doc.querySelector('picture, source')).toBeNull();
    const plan = doc.querySelector('img[alt="Le plan du réseau"]')!;
    expect(plan.getAttribute('srcset')).toBe('/img/plan-640.webp 640w, /img/plan-1280.webp 1280w');
    expect(plan.getAttribute('sizes')).toBe('100vw');
    expect(plan.getAttribute('src')).toBe('/img/plan-1280.webp');
  });

  it('puts the <noscript> picture in place of its placeholder, or of the noscript alone', () => {
    const wrap = img('#noscript-wrap');
    expect(wrap.querySelectorAll('img')).toHaveLength(1);
    expect(wrap.querySelector('img')!.getAttribute('src')).toBe('https://cdn.example.fr/maire.jpg');
    expect(wrap.querySelector('noscript')).toBeNull();
    expect(img('#only-noscript img').getAttribute('src')).toBe('/photos/foule.jpg');
    expect(report.unwrapped).toBe(2);
  });

  it('reads a <noscript> whose content is text, as in a page that ran scripts', () => {
    const live = new JSDOM('<div><img src="data:image/gif;base64,R0lGOD" alt="x"><noscript></noscript></div>').window.document;
    live.querySelector('noscript')!.textContent = '<img src="https://cdn.example.fr/real.jpg" alt="x">';
    resolveLazyPictures(live.body);
    expect(live.body.innerHTML).toBe('<div><img src="https://cdn.example.fr/real.jpg" alt="x"></div>');
  });

  it('leaves a picture that is not lazy as it is, and drops sizes="auto"', () => {
    expect(img('#plain').outerHTML).toBe('<img id="plain" src="/photos/gare.jpg" srcset="/photos/gare.jpg 1x, /photos/gare@2x.jpg 2x" alt="La gare" width="400" height="300">');
    expect(img('#auto-sizes').hasAttribute('sizes')).toBe(false);
    expect(report.resolved).toBe(3);
  });
});
