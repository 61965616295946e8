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

describe('settings after an update', () => {
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
    expect(await settings.getReaderTheme()).toBe('dark');
    expect(await settings.getReaderFontSize()).toBe(22);
    expect(await settings.getReaderWidth()).toBe(60);
    expect(await settings.getAutoCleanSites()).toEqual(['https://www.lemonde.fr', 'https://www.rtl.fr']);
    // Writing keeps working on top of them.
    await settings.setReaderTheme('light');
    expect(await settings.getReaderTheme()).toBe('light');
  });

  it('a later build that changes a shape migrates what this build stored', async () => {
    const settings = await import('./settings');
    await settings.setCopyFormat('text-with-source');
    await settings.setReaderFontSize(24);
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
    // Settings the new build did not touch are still there.
    expect(await settings.getReaderFontSize()).toBe(24);
  });
});
