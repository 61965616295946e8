// The site-disjoint split of WCXB dev: every page of a site is on one side. `tune` is what rules, word lists and
// learned weights may be derived from; `validate` is what judges them (a change is kept only when it helps there).
// Fixed and deterministic: a hash of the page's site, not a random draw, so the same page is always on the same
// side, in every clone, whatever else the corpus holds.

export type SplitSide = 'tune' | 'validate';

/** Share of sites (by hash bucket, out of 100) on the tune side. */
export const TUNE_PERCENT = 60;

/** Second-level labels under which registrars sell names (example.co.uk, example.com.au): the site is one more label. */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ac', 'gov', 'edu', 'or', 'ne', 'go', 'gob', 'nic']);

/**
 * The site a page belongs to: its registrable domain, approximated (blog.example.com and www.example.com are one
 * site; example.co.uk keeps its three labels). A page without an address is its own site, keyed by its id.
 */
export function siteOf(url: string | null | undefined, id: string): string {
  let host = '';
  try {
    host = url ? new URL(url).hostname.toLowerCase() : '';
  } catch {
    host = '';
  }
  if (!host) return `page:${id}`;
  if (/^[\d.]+$/.test(host) || host.includes(':')) return host;
  const labels = host.split('.').filter(Boolean);
  const keep = labels.length >= 3 && labels[labels.length - 1].length === 2 && SECOND_LEVEL.has(labels[labels.length - 2]) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** FNV-1a, 32 bits, over the UTF-16 code units: small, stable across platforms, well spread for short keys. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function splitSide(url: string | null | undefined, id: string): SplitSide {
  return fnv1a(siteOf(url, id)) % 100 < TUNE_PERCENT ? 'tune' : 'validate';
}
