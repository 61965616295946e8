// Bytes → HTML string, the way a browser picks the encoding (WHATWG "determine the character encoding"):
// a byte order mark, then the server's Content-Type charset, then a <meta> prescan of the first 1024 bytes,
// else UTF-8. Real corpora hold ISO-8859-1, windows-1252 and Shift_JIS pages.

export interface DecodedHtml {
  text: string;
  /** The WHATWG encoding name used, e.g. `utf-8`, `windows-1252`, `shift_jis`. */
  encoding: string;
  /** Where the encoding came from. */
  source: 'bom' | 'content-type' | 'meta' | 'default';
}

export interface DecodeOptions {
  /** The HTTP `Content-Type` header of the response, if any (e.g. `text/html; charset=Shift_JIS`). */
  contentType?: string | null;
}

/** Thrown for input that cannot be an HTML page (empty or binary): its message is meant for the user. */
export class UndecodableInputError extends Error {
  override name = 'UndecodableInputError';
}

const PRESCAN_BYTES = 1024;
// A page with NUL bytes or this share of undecodable characters near its start is not text.
const SNIFF_CHARS = 8192;
const MAX_BAD_SHARE = 0.1;

export function decodeHtml(bytes: Uint8Array, options: DecodeOptions = {}): DecodedHtml {
  if (bytes.length === 0) throw new UndecodableInputError('empty input');
  const { encoding, source, skip } = chooseEncoding(bytes, options.contentType ?? null);
  const body = bytes.subarray(skip);
  if (!encoding.startsWith('utf-16') && body.subarray(0, SNIFF_CHARS).includes(0)) {
    throw new UndecodableInputError('binary data (NUL bytes), not an HTML page');
  }
  const text = decodeWith(encoding, body);
  if (badShare(text.slice(0, SNIFF_CHARS)) > MAX_BAD_SHARE) {
    throw new UndecodableInputError(`binary data (not valid ${encoding} text), not an HTML page`);
  }
  return { text, encoding, source };
}

// Node 20's TextDecoder reads windows-1252 as ISO-8859-1 (0x80–0x9F become C1 controls instead of € ‚ … – —
// ‘ ’ “ ” …), so those 32 bytes are mapped here, per the WHATWG index.
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** `TextDecoder`, with windows-1252 fixed (see above). */
export function decodeWith(encoding: string, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\x80-\x9F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
}

function chooseEncoding(bytes: Uint8Array, contentType: string | null) {
  const bom = sniffBom(bytes);
  if (bom) return { ...bom, source: 'bom' as const };
  const fromHeader = contentType ? charsetFromContentType(contentType) : null;
  const headerEncoding = fromHeader ? encodingForLabel(fromHeader) : null;
  if (headerEncoding) return { encoding: headerEncoding, source: 'content-type' as const, skip: 0 };
  const metaEncoding = prescanMetaCharset(bytes);
  if (metaEncoding) return { encoding: metaEncoding, source: 'meta' as const, skip: 0 };
  return { encoding: 'utf-8', source: 'default' as const, skip: 0 };
}

function sniffBom(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  return null;
}

/** The WHATWG encoding name for a label (`latin1` → `windows-1252`), or null when the label is unknown. */
export function encodingForLabel(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** `charset` parameter of a Content-Type value (`text/html; charset="utf-8"` → `utf-8`). */
export function charsetFromContentType(value: string): string | null {
  const match = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i.exec(value);
  return match ? (match[1] ?? match[2] ?? match[3]).trim() || null : null;
}

/**
 * WHATWG's prescan, simplified to what pages use: the first `<meta>` in the first 1024 bytes (outside comments)
 * with `charset=` or with `http-equiv=content-type` and a `content` naming a charset. A UTF-16 label there
 * means UTF-8 (the bytes were readable as ASCII), `x-user-defined` means windows-1252, as the standard says.
 */
export function prescanMetaCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES)).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const tag of head.matchAll(/<meta[\s/]([^>]*)>?/gi)) {
    const attributes = parseAttributes(tag[1]);
    let label: string | null = null;
    if (attributes.has('charset')) {
      label = attributes.get('charset') ?? null;
    } else if (attributes.get('http-equiv')?.toLowerCase() === 'content-type' && attributes.has('content')) {
      label = charsetFromContentType(attributes.get('content') ?? '');
    }
    const encoding = label ? encodingForLabel(label) : null;
    if (!encoding) continue;
    if (encoding.startsWith('utf-16')) return 'utf-8';
    if (encoding === 'x-user-defined') return 'windows-1252';
    return encoding;
  }
  return null;
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([^\s=/>"']+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g)) {
    const name = match[1].toLowerCase();
    // The first occurrence of an attribute wins, as in the HTML parser.
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/** Share of replacement characters and C0 controls (other than whitespace) in a decoded sample. */
function badShare(sample: string): number {
  if (sample.length === 0) return 0;
  const bad = sample.match(/[\uFFFD\x00-\x08\x0E-\x1A\x1C-\x1F]/g)?.length ?? 0;
  return bad / sample.length;
}
