import { describe, expect, it } from 'vitest';
import { isDeclaredTiny, isTrackerUrl, largestSrcsetUrl, pictureKey, srcsetUrls } from './picture-urls';

describe('picture addresses', () => {
  it('reads srcset candidates, commas inside an address kept', () => {
    expect(srcsetUrls('a.jpg 1x, b.jpg 2x')).toEqual(['a.jpg', 'b.jpg']);
    expect(srcsetUrls('https://res.cloudinary.com/x/w_400,h_300/p.jpg 400w,https://res.cloudinary.com/x/w_800,h_600/p.jpg 800w'))
      .toEqual(['https://res.cloudinary.com/x/w_400,h_300/p.jpg', 'https://res.cloudinary.com/x/w_800,h_600/p.jpg']);
    expect(largestSrcsetUrl('s.jpg 300w, l.jpg 1200w, m.jpg 800w')).toBe('l.jpg');
    expect(largestSrcsetUrl('one.jpg')).toBe('one.jpg');
  });

  it('gives one key to the sizes of one picture, and a folder to a bare-number file name', () => {
    expect(pictureKey('https://cdn.example.com/wp/2024/05/chantier-du-tram-1024x683.jpg?w=1200'))
      .toBe(pictureKey('https://example.com/wp/2024/05/chantier-du-tram.jpg'));
    expect(pictureKey('https://i.example.co.uk/img/media/5f2a/1000.jpg?width=1200')).toBe('media/5f2a/1000');
    expect(pictureKey('/a/b/1000.jpg', 'https://x.org/')).not.toBe(pictureKey('/a/c/1000.jpg', 'https://x.org/'));
  });

  it('knows tracker hosts and tiny declared pictures', () => {
    expect(isTrackerUrl('https://sb.scorecardresearch.com/p?c1=2')).toBe(true);
    expect(isTrackerUrl('https://pixel.wp.com/g.gif')).toBe(true);
    expect(isTrackerUrl('https://www.facebook.com/tr?id=1&ev=PageView')).toBe(true);
    expect(isTrackerUrl('https://cdn-media.rtl.fr/cache/photo.jpg')).toBe(false);
    const img = (attributes: string) => new DOMParser().parseFromString(`<img ${attributes}>`, 'text/html').body.firstElementChild!;
    expect(isDeclaredTiny(img('width="1" height="1"'))).toBe(true);
    expect(isDeclaredTiny(img('width="32"'))).toBe(true);
    expect(isDeclaredTiny(img('width="800" height="450"'))).toBe(false);
    expect(isDeclaredTiny(img(''))).toBe(false);
    expect(isDeclaredTiny(img('width="570" height="0"'))).toBe(false);
    expect(isDeclaredTiny(img('width="0" height="0"'))).toBe(true);
  });

  it('keeps icons in a data table (ticks, flags) but not its pixels, nor icons of a layout table', () => {
    const cells = (picture: string) => `<tr><td>Load map</td>${`<td>${picture}</td>`.repeat(5)}</tr>`;
    const icon = '<img src="finished.png" width="20px">';
    const first = (html: string) => new DOMParser().parseFromString(html, 'text/html').querySelector('img')!;
    expect(isDeclaredTiny(first(`<table>${cells(icon)}</table>`))).toBe(false);
    expect(isDeclaredTiny(first(`<table><tr><th>Flag</th></tr><tr><td><img src="nz.png" width="23" height="12"></td></tr></table>`))).toBe(false);
    expect(isDeclaredTiny(first(`<table>${cells('<img src="p.gif" width="1" height="1">')}</table>`))).toBe(true);
    expect(isDeclaredTiny(first(`<table><tr><td>${icon}</td><td>Menu</td></tr></table>`))).toBe(true);
    expect(isDeclaredTiny(first(`<table>${cells(`<table><tr><td>${icon}</td></tr></table>`)}</table>`))).toBe(true);
    expect(isDeclaredTiny(first(`<p>${icon}</p>`))).toBe(true);
  });
});
