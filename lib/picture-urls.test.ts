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
  });
});
