// Pages where no extension may run a script: browser pages, the add-on stores, the PDF viewer, view-source.
// Known from the address alone, so the popup can explain instead of trying (and failing) to inject.

export type RestrictedKind = 'browser' | 'store' | 'pdf' | 'source' | 'file' | 'unknown';

const BROWSER_SCHEMES = new Set([
  'chrome:', 'chrome-extension:', 'chrome-untrusted:', 'chrome-search:', 'devtools:', 'edge:', 'brave:', 'opera:',
  'vivaldi:', 'about:', 'moz-extension:', 'resource:', 'data:', 'javascript:', 'blob:',
]);

// The stores refuse extension scripts in both browsers.
const STORES: readonly { host: string; path?: string }[] = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

/**
 * Why no script can run on `url`, or null when it is an ordinary page. `fileAccess`: whether the user allowed
 * the extension on `file:` pages (Chrome's per-extension switch).
 */
export function restrictedKind(url: string | undefined | null, fileAccess = false): RestrictedKind | null {
  if (!url) return 'unknown';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'unknown';
  }
  if (parsed.protocol === 'view-source:') return 'source';
  if (parsed.protocol === 'file:') return isPdf(parsed) ? 'pdf' : fileAccess ? null : 'file';
  if (BROWSER_SCHEMES.has(parsed.protocol)) return 'browser';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'unknown';
  const host = parsed.hostname.toLowerCase();
  if (STORES.some((store) => store.host === host && (!store.path || parsed.pathname.startsWith(store.path)))) {
    return 'store';
  }
  return isPdf(parsed) ? 'pdf' : null;
}

// The browsers show PDFs in their own viewer, where extensions cannot run.
const isPdf = (url: URL): boolean => url.pathname.toLowerCase().endsWith('.pdf');

/**
 * Why the browser refused to inject, from its error message (Chrome's, then Firefox's wording), when the
 * address was not known beforehand; null when the error is not a refusal (a closed tab, say).
 */
export function refusalKind(message: string): RestrictedKind | null {
  if (/extensions gallery|chromewebstore|webstore|addons\.mozilla\.org/i.test(message)) return 'store';
  if (/view-source:/i.test(message)) return 'source';
  if (/\.pdf\b/i.test(message)) return 'pdf';
  if (/file:\/\//i.test(message)) return 'file';
  if (/\b(?:chrome|chrome-extension|chrome-untrusted|edge|brave|devtools|moz-extension|resource):\/\/|about:/i.test(message)) {
    return 'browser';
  }
  if (/cannot access|cannot be scripted|missing host permission/i.test(message)) return 'unknown';
  return null;
}
