import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  READ_ALOUD_RATE,
  READER_FONT_SIZE,
  READER_LETTER_SPACING,
  READER_LINE_HEIGHT,
  READER_WIDTH,
  addAutoCleanSite,
  getAutoCleanSites,
  getCopyFormat,
  getReadAloudPrefs,
  getReaderPrefs,
  removeAutoCleanSite,
  setAutoCleanSites,
  setCopyFormat,
  setReadAloudPrefs,
  setReaderPrefs,
  siteOrigin,
  type ReaderPrefs,
} from './settings';

const DEFAULT_PREFS: ReaderPrefs = {
  theme: 'system', font: 'serif', fontSize: 19, lineHeight: 1.6, letterSpacing: 0, wordSpacing: 0, width: 70,
  align: 'start',
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings defaults', () => {
  it('start from the documented fallbacks', async () => {
    expect(await getCopyFormat()).toBe('text');
    expect(await getReaderPrefs()).toEqual(DEFAULT_PREFS);
    expect(await getAutoCleanSites()).toEqual([]);
  });
});

describe('settings are remembered in storage.local', () => {
  it('copy format and theme', async () => {
    await setCopyFormat('markdown');
    await setReaderPrefs({ ...DEFAULT_PREFS, theme: 'dark' });
    expect(await getCopyFormat()).toBe('markdown');
    expect((await getReaderPrefs()).theme).toBe('dark');
    expect(await fakeBrowser.storage.local.get(['copyFormat', 'readerTheme'])).toEqual({
      copyFormat: 'markdown',
      readerTheme: 'dark',
    });
  });

  it('every display setting of the reader', async () => {
    const chosen: ReaderPrefs = {
      theme: 'sepia', font: 'sans', fontSize: 24, lineHeight: 2, letterSpacing: 0.06, wordSpacing: 0.2, width: 55,
      align: 'justify',
    };
    await setReaderPrefs(chosen);
    expect(await getReaderPrefs()).toEqual(chosen);
    await setReaderPrefs({ ...chosen, theme: 'contrast' });
    expect(await getReaderPrefs()).toEqual({ ...chosen, theme: 'contrast' });
  });

  it('writes only what changed since the previous save', async () => {
    await setReaderPrefs({ ...DEFAULT_PREFS, font: 'system' }, DEFAULT_PREFS);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['readerFont', 'readerFont$']);
  });

  it('stores a version for each item so later builds can migrate', async () => {
    // A fresh module, as in a fresh extension start: the version is recorded with the first value written.
    vi.resetModules();
    const fresh = await import('./settings');
    await fresh.setCopyFormat('text-with-source');
    await fresh.setAutoCleanSites(['https://www.rtl.fr']);
    expect(await fakeBrowser.storage.local.get(['copyFormat$', 'autoCleanSites$'])).toEqual({
      copyFormat$: { v: 1 },
      autoCleanSites$: { v: 1 },
    });
  });

  it('keeps sizes and spacings inside their ranges, on their grid', async () => {
    await setReaderPrefs({ ...DEFAULT_PREFS, fontSize: 22, lineHeight: 1.8000000001, letterSpacing: 0.04 });
    expect(await getReaderPrefs()).toMatchObject({ fontSize: 22, lineHeight: 1.8, letterSpacing: 0.04 });
    await setReaderPrefs({ ...DEFAULT_PREFS, fontSize: 500, width: 1, lineHeight: 9, letterSpacing: -1 });
    expect(await getReaderPrefs()).toMatchObject({
      fontSize: READER_FONT_SIZE.max, width: READER_WIDTH.min, lineHeight: READER_LINE_HEIGHT.max,
      letterSpacing: READER_LETTER_SPACING.min,
    });
    await setReaderPrefs({ ...DEFAULT_PREFS, width: Number.NaN });
    expect((await getReaderPrefs()).width).toBe(READER_WIDTH.fallback);
  });

  it('read aloud: speed on its grid, follow, one voice per language; anything else ignored', async () => {
    expect(await getReadAloudPrefs()).toEqual({ rate: 1, follow: true, voices: {} });
    await setReadAloudPrefs({ rate: 2.25, follow: false, voices: { fr: 'voice-fr', en: 'voice-en' } });
    expect(await getReadAloudPrefs()).toEqual({ rate: 2.25, follow: false, voices: { fr: 'voice-fr', en: 'voice-en' } });
    await fakeBrowser.storage.local.set({ readAloud: { rate: 9, follow: 'no', voices: { fr: 3, de: 'voice-de' } } });
    expect(await getReadAloudPrefs()).toEqual({ rate: READ_ALOUD_RATE.max, follow: true, voices: { de: 'voice-de' } });
    await fakeBrowser.storage.local.set({ readAloud: 'fast' });
    expect(await getReadAloudPrefs()).toEqual({ rate: 1, follow: true, voices: {} });
  });

  it('ignores values this build does not know (hand-edited or from another build)', async () => {
    await fakeBrowser.storage.local.set({
      copyFormat: 'html', readerTheme: 42, readerFontSize: 'big', readerFont: 'comic', readerAlign: 'center',
      readerLineHeight: null,
    });
    expect(await getCopyFormat()).toBe('text');
    expect(await getReaderPrefs()).toEqual(DEFAULT_PREFS);
  });
});

describe('auto-clean sites', () => {
  it('are kept as origins, sorted, without duplicates', async () => {
    await addAutoCleanSite('https://www.rtl.fr');
    await addAutoCleanSite('https://www.lemonde.fr/politique/article/x.html');
    await addAutoCleanSite('https://www.rtl.fr/');
    expect(await getAutoCleanSites()).toEqual(['https://www.lemonde.fr', 'https://www.rtl.fr']);
  });

  it('can be removed one at a time', async () => {
    await setAutoCleanSites(['https://a.example', 'http://127.0.0.1']);
    await removeAutoCleanSite('http://127.0.0.1:8080/some/page');
    expect(await getAutoCleanSites()).toEqual(['https://a.example']);
  });

  it('reject what is not an http(s) page', async () => {
    await setAutoCleanSites(['chrome://extensions', 'about:blank', 'not a url', 'file:///tmp/x.html']);
    expect(await getAutoCleanSites()).toEqual([]);
  });
});

describe('siteOrigin', () => {
  it('gives scheme and host of web pages only (no port: match patterns cannot hold one in Firefox)', () => {
    expect(siteOrigin('http://127.0.0.1:4173/article/index.html?x=1#y')).toBe('http://127.0.0.1');
    expect(siteOrigin('https://[::1]:8443/')).toBe('https://[::1]');
    expect(siteOrigin('https://www.rtl.fr')).toBe('https://www.rtl.fr');
    expect(siteOrigin('moz-extension://abc/popup.html')).toBeNull();
    expect(siteOrigin('chrome://newtab/')).toBeNull();
    expect(siteOrigin(undefined)).toBeNull();
  });
});
