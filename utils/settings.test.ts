import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  READER_FONT_SIZE,
  READER_WIDTH,
  addAutoCleanSite,
  getAutoCleanSites,
  getCopyFormat,
  getReaderFontSize,
  getReaderTheme,
  getReaderWidth,
  removeAutoCleanSite,
  setAutoCleanSites,
  setCopyFormat,
  setReaderFontSize,
  setReaderTheme,
  setReaderWidth,
  siteOrigin,
} from './settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings defaults', () => {
  it('start from the documented fallbacks', async () => {
    expect(await getCopyFormat()).toBe('text');
    expect(await getReaderTheme()).toBe('system');
    expect(await getReaderFontSize()).toBe(READER_FONT_SIZE.fallback);
    expect(await getReaderWidth()).toBe(READER_WIDTH.fallback);
    expect(await getAutoCleanSites()).toEqual([]);
  });
});

describe('settings are remembered in storage.local', () => {
  it('copy format and theme', async () => {
    await setCopyFormat('markdown');
    await setReaderTheme('dark');
    expect(await getCopyFormat()).toBe('markdown');
    expect(await getReaderTheme()).toBe('dark');
    expect(await fakeBrowser.storage.local.get(['copyFormat', 'readerTheme'])).toEqual({
      copyFormat: 'markdown',
      readerTheme: 'dark',
    });
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

  it('keeps font size and width inside their ranges', async () => {
    await setReaderFontSize(22);
    expect(await getReaderFontSize()).toBe(22);
    await setReaderFontSize(500);
    expect(await getReaderFontSize()).toBe(READER_FONT_SIZE.max);
    await setReaderWidth(1);
    expect(await getReaderWidth()).toBe(READER_WIDTH.min);
    await setReaderWidth(Number.NaN);
    expect(await getReaderWidth()).toBe(READER_WIDTH.fallback);
  });

  it('ignores values this build does not know (hand-edited or from another build)', async () => {
    await fakeBrowser.storage.local.set({ copyFormat: 'html', readerTheme: 42, readerFontSize: 'big' });
    expect(await getCopyFormat()).toBe('text');
    expect(await getReaderTheme()).toBe('system');
    expect(await getReaderFontSize()).toBe(READER_FONT_SIZE.fallback);
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
