// What the picture steps need to know about a picture's addresses: every URL it may load (src, srcset), a key
// that says two addresses show the same picture (sites serve one photo at several sizes), whether a host only
// counts visits, and the size the markup declares.

/** Hosts that serve tracking pixels and ad beacons, not pictures a reader looks at. */
const TRACKER_HOST =
  /(?:^|\.)(?:doubleclick\.net|google-analytics\.com|googletagmanager\.com|googlesyndication\.com|googleadservices\.com|adservice\.google\.[a-z.]+|scorecardresearch\.com|quantserve\.com|quantcount\.com|chartbeat\.(?:com|net)|parsely\.com|pixel\.wp\.com|stats\.wp\.com|bat\.bing\.com|analytics\.twitter\.com|t\.co|ads\.linkedin\.com|px\.ads\.linkedin\.com|amazon-adsystem\.com|adnxs\.com|rubiconproject\.com|pubmatic\.com|criteo\.(?:com|net)|taboola\.com|outbrain\.com|krxd\.net|moatads\.com|demdex\.net|omtrdc\.net|2o7\.net|imrworldwide\.com|hotjar\.com|nr-data\.net|xiti\.com|ati-host\.net|at-o\.net|estat\.com|mediametrie-estat\.com|weborama\.fr|smartadserver\.com|yieldlab\.net|adsrvr\.org|casalemedia\.com|openx\.net|everesttech\.net|bluekai\.com|exelator\.com|mathtag\.com|tapad\.com|agkn\.com|adform\.net|serving-sys\.com|sharethrough\.com|teads\.tv|pixel\.[a-z0-9.-]+|tracking\.[a-z0-9.-]+|beacon\.[a-z0-9.-]+|counter\.[a-z0-9.-]+)$/i;

/** Whether `url` (absolute) points at a host known to track visits. */
export function isTrackerUrl(url: string): boolean {
  try {
    const { hostname, pathname } = new URL(url);
    return TRACKER_HOST.test(hostname) || (hostname.endsWith('facebook.com') && pathname.startsWith('/tr'));
  } catch {
    return false;
  }
}

/** A `srcset`'s candidates, in order: address and descriptor ("800w", "2x", or ""). Commas inside an address
 *  (image CDNs' options) are kept; a `data:` candidate is left out. */
export function srcsetCandidates(srcset: string): { url: string; descriptor: string }[] {
  return srcset
    .trim()
    .split(/,\s+|(?<=\s\d+(?:\.\d+)?[wx]),/)
    .map((candidate) => {
      const [url = '', descriptor = ''] = candidate.trim().split(/\s+/);
      return { url, descriptor };
    })
    .filter(({ url }) => url !== '' && !url.startsWith('data:'));
}

export function srcsetUrls(srcset: string): string[] {
  return srcsetCandidates(srcset).map(({ url }) => url);
}

/** The srcset candidate with the largest width or density (the last of equals), else null. */
export function largestSrcsetUrl(srcset: string): string | null {
  let best: string | null = null;
  let bestSize = -1;
  for (const { url, descriptor } of srcsetCandidates(srcset)) {
    const size = descriptor ? parseFloat(descriptor) * (descriptor.endsWith('x') ? 1000 : 1) : 1000;
    if (Number.isNaN(size) || size >= bestSize) {
      best = url;
      if (!Number.isNaN(size)) bestSize = size;
    }
  }
  return best;
}

/** Every URL an `<img>` may show: its src and its srcset's. */
export function imageUrls(img: Element): string[] {
  const urls: string[] = [];
  const src = img.getAttribute('src');
  if (src && !src.startsWith('data:')) urls.push(src);
  const srcset = img.getAttribute('srcset');
  if (srcset) urls.push(...srcsetUrls(srcset));
  return urls;
}

/**
 * A key two addresses of the same picture share: the path without the query, the host, the extension and
 * WordPress-style size suffixes ("-1024x768"); a bare number or short name as the file ("1000.jpg") keeps its
 * folder, which is then what names the picture.
 */
export function pictureKey(url: string, base?: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, base).pathname).toLowerCase();
  } catch {
    return null;
  }
  const segments = path.split('/').filter(Boolean);
  const file = segments.pop();
  if (!file) return null;
  const stem = file.replace(/\.[a-z0-9]{2,5}$/, '').replace(/[-_@](?:\d{2,5}x\d{2,5}|\d{2,5}w|\dx|scaled)$/, '');
  if (stem.length >= 8 && !/^[\d_x-]+$/.test(stem)) return stem;
  return [...segments.slice(-2), stem].join('/');
}

/** Declared width and height (attributes), NaN where not declared. */
export function declaredSize(img: Element): { width: number; height: number } {
  const read = (name: string) => {
    const value = img.getAttribute(name)?.trim() ?? '';
    return /^\d+(?:\.\d+)?(?:px)?$/.test(value) ? parseFloat(value) : NaN;
  };
  return { width: read('width'), height: read('height') };
}

/** Pictures declared smaller than this on either side are icons, spacers and pixels, not pictures. */
export const MIN_PICTURE_SIDE = 50;
/** In a data table an icon is data (a tick, a flag, a trend arrow); under this on a side it is a pixel or a rule. */
const MIN_TABLE_ICON_SIDE = 8;

/**
 * Declared under MIN_PICTURE_SIDE on a side: an icon, a spacer or a pixel. A side declared 0 beside a real one is
 * a CMS's "auto" (cnet's "570x0"); a 0×0 picture is a pixel. In a data table's cell only a pixel or a rule counts.
 */
export function isDeclaredTiny(img: Element): boolean {
  let { width, height } = declaredSize(img);
  if (width === 0 && height >= MIN_PICTURE_SIDE) width = NaN;
  if (height === 0 && width >= MIN_PICTURE_SIDE) height = NaN;
  if (!(width < MIN_PICTURE_SIDE || height < MIN_PICTURE_SIDE)) return false;
  if (!(width < MIN_TABLE_ICON_SIDE || height < MIN_TABLE_ICON_SIDE) && inDataTable(img)) return false;
  return true;
}

/**
 * In a cell of a table that holds data, not layout (Readability's test, in short): no nested table, not marked
 * presentational, and a caption, header cells, or more than 4 columns or 10 cells.
 */
function inDataTable(img: Element): boolean {
  const table = img.closest('td, th')?.closest('table');
  if (!table || /^(?:presentation|none)$/.test(table.getAttribute('role') ?? '') || table.querySelector('table')) return false;
  if (table.querySelector('caption, th, thead')) return true;
  const rows = Array.from(table.rows);
  const columns = Math.max(0, ...rows.map((row) => row.cells.length));
  return columns > 4 || rows.length * columns > 10;
}
