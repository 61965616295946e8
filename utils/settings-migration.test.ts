// Settings survive an extension update. Two updates are covered: from a build that stored plain values (no
// version record yet) to this one, and from this one (version 1) to a later build that changes a setting's
// shape and declares a migration, the way utils/settings.ts says to do it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

// A fresh import of the settings module per test: on a loaded two-core machine that alone can pass Vitest's 5 s.
describe('settings after an update', { timeout: 30_000 }, () => {
  it('values stored by an earlier build without version records are read as they were', async () => {
    await fakeBrowser.storage.local.set({
      copyFormat: 'markdown',
      readerTheme: 'dark',
      readerFontSize: 22,
      readerWidth: 60,
      autoCleanSites: ['https://www.lemonde.fr', 'https://www.rtl.fr'],
    });
    const settings = await import('./settings');
    expect(await settings.getCopyFormat()).toBe('markdown');
    // The display settings this build adds start from their defaults next to the old ones.
    const prefs = await settings.getReaderPrefs();
    expect(prefs).toEqual({
      theme: 'dark', fontSize: 22, width: 60,
      font: 'serif', lineHeight: 1.6, letterSpacing: 0, wordSpacing: 0, align: 'start',
    });
    expect(await settings.getAutoCleanSites()).toEqual(['https://www.lemonde.fr', 'https://www.rtl.fr']);
    // Read aloud, which that build did not have, starts from its defaults.
    expect(await settings.getReadAloudPrefs()).toEqual({ rate: 1, follow: true, voices: {} });
    // Writing keeps working on top of them.
    await settings.setReaderPrefs({ ...prefs, theme: 'light' }, prefs);
    expect((await settings.getReaderPrefs()).theme).toBe('light');
  });

  it('a later build that changes a shape migrates what this build stored', async () => {
    const settings = await import('./settings');
    await settings.setCopyFormat('text-with-source');
    const chosen = {
      theme: 'sepia', font: 'sans', fontSize: 24, lineHeight: 2.2, letterSpacing: 0.1, wordSpacing: 0.3, width: 50,
      align: 'justify',
    } as const;
    await settings.setReaderPrefs(chosen);
    const listening = { rate: 1.5, follow: false, voices: { fr: 'urn:moz-tts:speechd:French?fr' } };
    await settings.setReadAloudPrefs(listening);
    // What a version-2 build would declare: the copy format split into a format and a "with source" flag.
    const copyFormatV2 = storage.defineItem<{ format: 'text' | 'markdown'; withSource: boolean }>('local:copyFormat', {
      fallback: { format: 'text', withSource: false },
      version: 2,
      migrations: {
        2: (old: string) => ({ format: old === 'markdown' ? 'markdown' : 'text', withSource: old === 'text-with-source' }),
      },
    });
    await copyFormatV2.migrate();
    expect(await copyFormatV2.getValue()).toEqual({ format: 'text', withSource: true });
    expect(await fakeBrowser.storage.local.get('copyFormat$')).toEqual({ 'copyFormat$': { v: 2 } });
    // Settings the new build did not touch are still there, and every item has its version record.
    expect(await settings.getReaderPrefs()).toEqual(chosen);
    expect(await settings.getReadAloudPrefs()).toEqual(listening);
    expect(await fakeBrowser.storage.local.get(['readerFont$', 'readerLineHeight$', 'readerAlign$', 'readAloud$'])).toEqual({
      readerFont$: { v: 1 }, readerLineHeight$: { v: 1 }, readerAlign$: { v: 1 }, readAloud$: { v: 1 },
    });
    // The later build reads the reader's settings the way @wxt-dev/storage does.
    const letterSpacing = storage.defineItem<number>('local:readerLetterSpacing', { fallback: 0, version: 1 });
    expect(await letterSpacing.getValue()).toBe(0.1);
  });
});
