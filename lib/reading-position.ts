// "Where I left off": which article a reading position belongs to, and the bounded record of positions.
// Pure: the content script reads and writes the record in storage (utils/settings.ts).

/** At most this many articles are remembered; the least recently read go first. */
export const MAX_READING_POSITIONS = 500;

/** Article key → [index of the first block in view, time it was saved (ms)]. */
export type ReadingPositions = Record<string, [number, number]>;

/**
 * The address that names the article: its canonical link (or og:url), else the page address without its
 * fragment. A canonical pointing at the site's home page from a deeper page is a site's mistake, not the article.
 */
export function articleKey(doc: Document, pageUrl: string): string {
  const page = new URL(pageUrl);
  page.hash = '';
  const declared = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.getAttribute('href')
    ?? doc.querySelector('meta[property="og:url"][content]')?.getAttribute('content');
  if (declared) {
    try {
      const canonical = new URL(declared, page);
      canonical.hash = '';
      const home = canonical.pathname === '/' && page.pathname !== '/';
      if (/^https?:$/.test(canonical.protocol) && !home) return canonical.href;
    } catch {
      // An unparsable canonical: the page address names the article.
    }
  }
  return page.href;
}

/**
 * The record with `key` at `block` (block 0, the top, forgets it), keeping the `limit` most recently saved.
 * Bad entries (hand-edited storage) are dropped.
 */
export function rememberPosition(
  positions: unknown,
  key: string,
  block: number,
  now: number,
  limit = MAX_READING_POSITIONS,
): ReadingPositions {
  const entries = Object.entries(validPositions(positions)).filter(([known]) => known !== key);
  if (block > 0) entries.push([key, [block, now]]);
  entries.sort((a, b) => b[1][1] - a[1][1]);
  return Object.fromEntries(entries.slice(0, limit));
}

/** The saved block for `key`, or 0 (the top). */
export function positionOf(positions: unknown, key: string): number {
  return validPositions(positions)[key]?.[0] ?? 0;
}

export function validPositions(positions: unknown): ReadingPositions {
  if (typeof positions !== 'object' || positions === null) return {};
  return Object.fromEntries(Object.entries(positions).filter(([, value]) =>
    Array.isArray(value) && Number.isInteger(value[0]) && value[0] > 0 && Number.isFinite(value[1])));
}
