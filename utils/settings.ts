// The user's settings, kept in `storage.local` through @wxt-dev/storage. Each item carries a version, written
// next to it (`key$: { v }`), so a later change of shape can migrate what is stored: bump `version` and add
// `migrations: { 2: (v1Value) => v2Value }`.
import { storage } from 'wxt/utils/storage';

// An empty migration table still makes the library record the version with the first value written.
const VERSION_1 = { version: 1, migrations: {} } as const;

export type CopyFormat = 'text' | 'markdown' | 'text-with-source';
export type ReaderTheme = 'system' | 'light' | 'dark';

export const COPY_FORMATS: readonly CopyFormat[] = ['text', 'markdown', 'text-with-source'];
export const READER_THEMES: readonly ReaderTheme[] = ['system', 'light', 'dark'];

/** Reader font size in CSS pixels. */
export const READER_FONT_SIZE = { min: 14, max: 28, step: 2, fallback: 19 } as const;
/** Reader column width in `ch` (characters per line). */
export const READER_WIDTH = { min: 45, max: 95, step: 5, fallback: 70 } as const;

export const copyFormatItem = storage.defineItem<CopyFormat>('local:copyFormat', {
  fallback: 'text',
  ...VERSION_1,
});
export const readerThemeItem = storage.defineItem<ReaderTheme>('local:readerTheme', {
  fallback: 'system',
  ...VERSION_1,
});
export const readerFontSizeItem = storage.defineItem<number>('local:readerFontSize', {
  fallback: READER_FONT_SIZE.fallback,
  ...VERSION_1,
});
export const readerWidthItem = storage.defineItem<number>('local:readerWidth', {
  fallback: READER_WIDTH.fallback,
  ...VERSION_1,
});
/** Sites (`https://www.rtl.fr`, see `siteOrigin`) whose article pages open cleaned; sorted, no duplicates. */
export const autoCleanSitesItem = storage.defineItem<string[]>('local:autoCleanSites', {
  fallback: [],
  ...VERSION_1,
});

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
export async function removeAutoCleanSite(origin: string): Promise<void> {
  const removed = siteOrigin(origin);
  await setAutoCleanSites((await getAutoCleanSites()).filter((site) => site !== removed));
}
