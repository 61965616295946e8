// Step 5: DOMPurify, failing closed. `isSupported` is not proof that it works (under happy-dom 21 it says true and
// lets `<script>` through), so each window's sanitizer first has to strip a known payload before it is used.

import DOMPurify, { type Config, type WindowLike } from 'dompurify';

export const SANITIZER_BROKEN = 'The sanitizer is not working in this environment; refusing to show article HTML.';

export interface Sanitizer {
  /** Sanitizes `root`'s subtree where it stands (no copy, no reparse) and returns it. `root` itself is kept. */
  sanitizeInPlace<T extends Element>(root: T): T;
  /** Sanitizes an HTML string. */
  sanitize(html: string): string;
}

// Reader content: text, images, figures, tables. Forms, frames, media players and inline styles go.
const CONFIG: Config = {
  FORBID_TAGS: ['form', 'input', 'button', 'select', 'textarea', 'iframe', 'frame', 'object', 'embed', 'style',
    'video', 'audio', 'source', 'track', 'dialog'],
  FORBID_ATTR: ['style', 'srcdoc', 'autofocus', 'tabindex'],
  ALLOW_DATA_ATTR: false,
};

/** Everything here must go, and `<p>kept</p>` must stay, or the sanitizer is not trusted. */
const PAYLOAD =
  '<img src="x" onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">a</a>' +
  '<a href="data:text/html,<script>alert(4)</script>">b</a><iframe srcdoc="<script>alert(5)</script>"></iframe>' +
  '<svg><script>alert(6)</script></svg><p style="color:red" onclick="alert(7)">kept</p>';
const SURVIVOR = /<script|\bon[a-z]+\s*=|javascript:|data:text|<iframe|srcdoc|alert\(|style=/i;

const cache = new WeakMap<object, Sanitizer | Error>();

/** The sanitizer for `win`'s documents, checked once per window; throws an Error when it cannot be trusted. */
export function createSanitizer(win: Window): Sanitizer {
  let entry = cache.get(win);
  if (!entry) {
    entry = buildCheckedSanitizer(win);
    cache.set(win, entry);
  }
  if (entry instanceof Error) throw entry;
  return entry;
}

function buildCheckedSanitizer(win: Window): Sanitizer | Error {
  let purify: ReturnType<typeof DOMPurify>;
  try {
    purify = DOMPurify(win as unknown as WindowLike);
  } catch {
    return new Error(SANITIZER_BROKEN);
  }
  if (!purify.isSupported) return new Error(SANITIZER_BROKEN);
  purify.addHook('afterSanitizeAttributes', secureLink);

  const sanitizer: Sanitizer = {
    sanitizeInPlace(root) {
      purify.sanitize(root, { ...CONFIG, IN_PLACE: true });
      return root;
    },
    sanitize(html) {
      return String(purify.sanitize(html, CONFIG));
    },
  };

  try {
    // The same path the pipeline takes: a parsed tree in an inert document, sanitized in place, then serialized.
    // Parsed with DOMParser rather than assigned to innerHTML, which addons-linter flags in the Firefox build.
    const probe = new (win as Window & typeof globalThis).DOMParser().parseFromString(PAYLOAD, 'text/html').body;
    const inPlace = sanitizer.sanitizeInPlace(probe).innerHTML;
    const fromString = sanitizer.sanitize(PAYLOAD);
    for (const out of [inPlace, fromString]) {
      if (SURVIVOR.test(out) || !out.includes('<p>kept</p>')) return new Error(SANITIZER_BROKEN);
    }
  } catch {
    return new Error(SANITIZER_BROKEN);
  }
  return sanitizer;
}

/** Links leave the reader in a new tab and tell the target nothing about where they came from. */
function secureLink(node: Element): void {
  if (node.nodeName !== 'A') return;
  const href = node.getAttribute('href');
  if (!href) {
    node.removeAttribute('target');
    return;
  }
  if (/^\s*(?:javascript|data|vbscript):/i.test(href)) {
    node.removeAttribute('href');
    node.removeAttribute('target');
    return;
  }
  if (href.startsWith('#')) {
    node.removeAttribute('target');
  } else {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
}
