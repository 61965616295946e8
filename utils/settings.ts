// The user's settings, kept in `storage.local` in @wxt-dev/storage's layout: the value under its key and, written
// with the first value, its version next to it (`key$: { v: 1 }`). A later build that changes a setting's shape
// defines that item with @wxt-dev/storage (`storage.defineItem(key, { version: 2, migrations: { 2: … } })`),
// which migrates what this build stored (utils/settings-migration.test.ts). Plain `browser.storage` here: the
// library weighed 8.9 KB in each of the content script, the background and the popup/options.
import { browser } from 'wxt/browser';
import { positionOf, rememberPosition, validPositions, type ReadingPositions } from '../lib/reading-position';

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
export type ReaderTheme = 'system' | 'light' | 'sepia' | 'dark' | 'contrast';
export type ReaderFont = 'serif' | 'sans' | 'system';
export type ReaderAlign = 'start' | 'justify';

export const COPY_FORMATS: readonly CopyFormat[] = ['text', 'markdown', 'text-with-source'];
export const READER_THEMES: readonly ReaderTheme[] = ['system', 'light', 'sepia', 'dark', 'contrast'];
export const READER_FONTS: readonly ReaderFont[] = ['serif', 'sans', 'system'];
export const READER_ALIGNS: readonly ReaderAlign[] = ['start', 'justify'];

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly fallback: number;
}
/** Reader font size in CSS pixels. */
export const READER_FONT_SIZE = { min: 14, max: 28, step: 2, fallback: 19 } as const;
/** Reader column width in `ch` (characters per line). */
export const READER_WIDTH = { min: 45, max: 95, step: 5, fallback: 70 } as const;
/** Line height, a multiple of the font size. */
export const READER_LINE_HEIGHT = { min: 1.2, max: 2.4, step: 0.1, fallback: 1.6 } as const;
/** Extra space between letters, in `em`. */
export const READER_LETTER_SPACING = { min: 0, max: 0.2, step: 0.02, fallback: 0 } as const;
/** Extra space between words, in `em`. */
export const READER_WORD_SPACING = { min: 0, max: 0.6, step: 0.1, fallback: 0 } as const;

/** Everything the reader view's display settings hold; the options page edits the same. */
export interface ReaderPrefs {
  theme: ReaderTheme;
  font: ReaderFont;
  /** CSS pixels */
  fontSize: number;
  lineHeight: number;
  /** em */
  letterSpacing: number;
  /** em */
  wordSpacing: number;
  /** characters per line */
  width: number;
  align: ReaderAlign;
}

const copyFormatItem = localItem<CopyFormat>('copyFormat', 'text');
const readerThemeItem = localItem<ReaderTheme>('readerTheme', 'system');
const readerFontSizeItem = localItem<number>('readerFontSize', READER_FONT_SIZE.fallback);
const readerWidthItem = localItem<number>('readerWidth', READER_WIDTH.fallback);
const readerFontItem = localItem<ReaderFont>('readerFont', 'serif');
const readerLineHeightItem = localItem<number>('readerLineHeight', READER_LINE_HEIGHT.fallback);
const readerLetterSpacingItem = localItem<number>('readerLetterSpacing', READER_LETTER_SPACING.fallback);
const readerWordSpacingItem = localItem<number>('readerWordSpacing', READER_WORD_SPACING.fallback);
const readerAlignItem = localItem<ReaderAlign>('readerAlign', 'start');
const AUTO_CLEAN_SITES_KEY = 'autoCleanSites';
/** Sites (`https://www.rtl.fr`, see `siteOrigin`) whose article pages open cleaned; sorted, no duplicates. */
const autoCleanSitesItem = localItem<string[]>(AUTO_CLEAN_SITES_KEY, []);

/** `value` inside `range`, on its grid: whole numbers, or hundredths for the ranges with fractional steps. */
export function clampToRange(value: unknown, range: NumberRange): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return range.fallback;
  const scale = range.step < 1 ? 100 : 1;
  return Math.min(range.max, Math.max(range.min, Math.round(value * scale) / scale));
}

// Stored values are read defensively: storage can be edited by hand or written by an older build.
const oneOf = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

export async function getCopyFormat(): Promise<CopyFormat> {
  return oneOf(COPY_FORMATS, await copyFormatItem.getValue(), copyFormatItem.fallback);
}
export async function setCopyFormat(format: CopyFormat): Promise<void> {
  await copyFormatItem.setValue(oneOf(COPY_FORMATS, format, copyFormatItem.fallback));
}

/** The stored display settings, each one in its set or range. */
export async function getReaderPrefs(): Promise<ReaderPrefs> {
  const [theme, font, fontSize, lineHeight, letterSpacing, wordSpacing, width, align] = await Promise.all([
    readerThemeItem.getValue(), readerFontItem.getValue(), readerFontSizeItem.getValue(),
    readerLineHeightItem.getValue(), readerLetterSpacingItem.getValue(), readerWordSpacingItem.getValue(),
    readerWidthItem.getValue(), readerAlignItem.getValue(),
  ]);
  return validReaderPrefs({ theme, font, fontSize, lineHeight, letterSpacing, wordSpacing, width, align });
}

/** Saves what differs from `previous` (the reader and the options page save on every change). */
export async function setReaderPrefs(prefs: ReaderPrefs, previous?: ReaderPrefs): Promise<void> {
  const next = validReaderPrefs(prefs);
  const items = {
    theme: readerThemeItem, font: readerFontItem, fontSize: readerFontSizeItem, lineHeight: readerLineHeightItem,
    letterSpacing: readerLetterSpacingItem, wordSpacing: readerWordSpacingItem, width: readerWidthItem,
    align: readerAlignItem,
  } as { [K in keyof ReaderPrefs]: StoredItem<ReaderPrefs[K]> };
  for (const key of Object.keys(items) as (keyof ReaderPrefs)[]) {
    if (previous?.[key] !== next[key]) await (items[key] as StoredItem<unknown>).setValue(next[key]);
  }
}

/** Display settings with every value in its set or range (storage can be hand-edited or from another build). */
function validReaderPrefs(prefs: { [K in keyof ReaderPrefs]: unknown }): ReaderPrefs {
  return {
    theme: oneOf(READER_THEMES, prefs.theme, readerThemeItem.fallback),
    font: oneOf(READER_FONTS, prefs.font, readerFontItem.fallback),
    fontSize: clampToRange(prefs.fontSize, READER_FONT_SIZE),
    lineHeight: clampToRange(prefs.lineHeight, READER_LINE_HEIGHT),
    letterSpacing: clampToRange(prefs.letterSpacing, READER_LETTER_SPACING),
    wordSpacing: clampToRange(prefs.wordSpacing, READER_WORD_SPACING),
    width: clampToRange(prefs.width, READER_WIDTH),
    align: oneOf(READER_ALIGNS, prefs.align, readerAlignItem.fallback),
  };
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

/** Read-aloud speed, a multiple of the voice's own. */
export const READ_ALOUD_RATE = { min: 0.5, max: 3, step: 0.25, fallback: 1 } as const;

export interface ReadAloudPrefs {
  rate: number;
  /** Scroll to keep the sentence being read in view. */
  follow: boolean;
  /** The voice chosen for each language (lib/voices.ts `voiceKey` → `voiceURI`). */
  voices: Record<string, string>;
}

const readAloudItem = localItem<ReadAloudPrefs>('readAloud', { rate: READ_ALOUD_RATE.fallback, follow: true, voices: {} });

export async function getReadAloudPrefs(): Promise<ReadAloudPrefs> {
  const stored = (await readAloudItem.getValue()) as Partial<Record<keyof ReadAloudPrefs, unknown>> | null;
  const voices = stored?.voices;
  return {
    rate: clampToRange(stored?.rate, READ_ALOUD_RATE),
    follow: stored?.follow !== false,
    voices: typeof voices === 'object' && voices !== null
      ? Object.fromEntries(Object.entries(voices).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
      : {},
  };
}
export async function setReadAloudPrefs(prefs: ReadAloudPrefs): Promise<void> {
  await readAloudItem.setValue(prefs);
}

/** "Where I left off": the reading positions of the last articles read (lib/reading-position.ts). */
const readingPositionsItem = localItem<ReadingPositions>('readingPositions', {});

export async function getReadingPosition(key: string): Promise<number> {
  return positionOf(await readingPositionsItem.getValue(), key);
}
export async function saveReadingPosition(key: string, block: number): Promise<void> {
  await readingPositionsItem.setValue(rememberPosition(await readingPositionsItem.getValue(), key, block, Date.now()));
}
export async function countReadingPositions(): Promise<number> {
  return Object.keys(validPositions(await readingPositionsItem.getValue())).length;
}
export async function forgetReadingPositions(): Promise<void> {
  await readingPositionsItem.setValue({});
}
