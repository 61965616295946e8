// The user's settings, kept in `storage.local` in @wxt-dev/storage's layout: the value under its key and, written
// with the first value, its version next to it (`key$: { v: 1 }`). A later build that changes a setting's shape
// defines that item with @wxt-dev/storage (`storage.defineItem(key, { version: 2, migrations: { 2: … } })`),
// which migrates what this build stored (utils/settings-migration.test.ts). Plain `browser.storage` here: the
// library weighed 8.9 KB in each of the content script, the background and the popup/options.
import { browser } from 'wxt/browser';

interface StoredItem<T> {
  readonly fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/** A setting at version 1, read and written as @wxt-dev/storage's `defineItem('local:key', { version: 1 })` does. */
function localItem<T>(key: string, fallback: T): StoredItem<T> {
  const versionKey = `${key}$`;
  return {
    fallback,
    getValue: async () => ((await browser.storage.local.get(key))[key] as T | undefined) ?? fallback,
    async setValue(value) {
      const stored = await browser.storage.local.get([key, versionKey]);
      // The version goes with the first value: a value stored without one (an earlier build's) is version 1 too.
      const first = stored[key] == null && (stored[versionKey] as { v?: number } | undefined)?.v == null;
      await browser.storage.local.set(first ? { [key]: value, [versionKey]: { v: 1 } } : { [key]: value });
    },
  };
}

export type CopyFormat = 'text' | 'markdown' | 'text-with-source';
export type ReaderTheme = 'system' | 'light' | 'dark';

export const COPY_FORMATS: readonly CopyFormat[] = ['text', 'markdown', 'text-with-source'];
export const READER_THEMES: readonly ReaderTheme[] = ['system', 'light', 'dark'];

/** Reader font size in CSS pixels. */
export const READER_FONT_SIZE = { min: 14, max: 28, step: 2, fallback: 19 } as const;
/** Reader column width in `ch` (characters per line). */
export const READER_WIDTH = { min: 45, max: 95, step: 5, fallback: 70 } as const;

const copyFormatItem = localItem<CopyFormat>('copyFormat', 'text');
const readerThemeItem = localItem<ReaderTheme>('readerTheme', 'system');
const readerFontSizeItem = localItem<number>('readerFontSize', READER_FONT_SIZE.fallback);
const readerWidthItem = localItem<number>('readerWidth', READER_WIDTH.fallback);
const AUTO_CLEAN_SITES_KEY = 'autoCleanSites';
/** Sites (`https://www.rtl.fr`, see `siteOrigin`) whose article pages open cleaned; sorted, no duplicates. */
const autoCleanSitesItem = localItem<string[]>(AUTO_CLEAN_SITES_KEY, []);

const clamp = (value: number, range: { min: number; max: number }) =>
  Math.min(range.max, Math.max(range.min, Math.round(value)));

// Stored values are read defensively: storage can be edited by hand or written by an older build.
const oneOf = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

export async function getCopyFormat(): Promise<CopyFormat> {
  return oneOf(COPY_FORMATS, await copyFormatItem.getValue(), copyFormatItem.fallback);
}
export async function setCopyFormat(format: CopyFormat): Promise<void> {
  await copyFormatItem.setValue(oneOf(COPY_FORMATS, format, copyFormatItem.fallback));
}

export async function getReaderTheme(): Promise<ReaderTheme> {
  return oneOf(READER_THEMES, await readerThemeItem.getValue(), readerThemeItem.fallback);
}
export async function setReaderTheme(theme: ReaderTheme): Promise<void> {
  await readerThemeItem.setValue(oneOf(READER_THEMES, theme, readerThemeItem.fallback));
}

export async function getReaderFontSize(): Promise<number> {
  const value = await readerFontSizeItem.getValue();
  return Number.isFinite(value) ? clamp(value, READER_FONT_SIZE) : READER_FONT_SIZE.fallback;
}
export async function setReaderFontSize(px: number): Promise<void> {
  await readerFontSizeItem.setValue(Number.isFinite(px) ? clamp(px, READER_FONT_SIZE) : READER_FONT_SIZE.fallback);
}

export async function getReaderWidth(): Promise<number> {
  const value = await readerWidthItem.getValue();
  return Number.isFinite(value) ? clamp(value, READER_WIDTH) : READER_WIDTH.fallback;
}
export async function setReaderWidth(ch: number): Promise<void> {
  await readerWidthItem.setValue(Number.isFinite(ch) ? clamp(ch, READER_WIDTH) : READER_WIDTH.fallback);
}

/**
 * The site auto-clean works on for a page address: scheme and host, `https://www.rtl.fr/actu/x` →
 * `https://www.rtl.fr`. The port is left out because Firefox's match patterns cannot hold one (a pattern
 * without a port matches every port, in both browsers), so a site is what one permission pattern covers.
 * Null for anything that is not an http(s) page (extension pages, `about:`, `file:`...), where it cannot apply.
 */
export function siteOrigin(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? `${parsed.protocol}//${parsed.hostname}` : null;
  } catch {
    return null;
  }
}

function normalizeSites(sites: unknown): string[] {
  if (!Array.isArray(sites)) return [];
  const origins = sites.map((site) => siteOrigin(typeof site === 'string' ? site : null));
  return [...new Set(origins.filter((origin): origin is string => origin !== null))].sort();
}

export async function getAutoCleanSites(): Promise<string[]> {
  return normalizeSites(await autoCleanSitesItem.getValue());
}
export async function setAutoCleanSites(sites: string[]): Promise<void> {
  await autoCleanSitesItem.setValue(normalizeSites(sites));
}
export async function addAutoCleanSite(origin: string): Promise<void> {
  await setAutoCleanSites([...(await getAutoCleanSites()), origin]);
}
/** Calls `onChange` whenever the list of auto-clean sites changes (from any extension page or the background). */
export function watchAutoCleanSites(onChange: () => void): void {
  browser.storage.local.onChanged.addListener((changes) => {
    if (AUTO_CLEAN_SITES_KEY in changes) onChange();
  });
}
export async function removeAutoCleanSite(origin: string): Promise<void> {
  const removed = siteOrigin(origin);
  await setAutoCleanSites((await getAutoCleanSites()).filter((site) => site !== removed));
}
