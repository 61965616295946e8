// Step 5: DOMPurify, failing closed. `isSupported` is not proof that it works (under happy-dom 21 it says true and
// lets `<script>` through), so each window's sanitizer first has to strip a known payload before it is used.

import DOMPurify, { type Config, type WindowLike } from 'dompurify';

export const SANITIZER_BROKEN = 'The sanitizer is not working in this environment; refusing to show article HTML.';

export interface Sanitizer {
  /** Sanitizes `root`'s subtree where it stands (no copy, no reparse) and returns it. `root` itself is kept. */
  sanitizeInPlace<T extends Element>(root: T): T;
  /**
   * A sanitized copy of `root` in an inert document of the sanitizer's own, `root` untouched. The fastest way
   * from a tree to a clean tree: DOMPurify's in-place mode walks the tree several more times to guard it.
   */
  sanitizedCopy(root: Element): Element;
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
  // One DOMPurify per way of calling it, each configured once: a config passed per call is re-parsed per call
  // (its allow-lists copied), which costs more than sanitizing a short article.
  let inPlace: ReturnType<typeof DOMPurify>;
  let toDom: ReturnType<typeof DOMPurify>;
  let toString: ReturnType<typeof DOMPurify>;
  try {
    inPlace = configured(win, { ...CONFIG, IN_PLACE: true });
    toDom = configured(win, { ...CONFIG, RETURN_DOM: true });
    toString = configured(win, CONFIG);
  } catch {
    return new Error(SANITIZER_BROKEN);
  }
  if (!inPlace.isSupported) return new Error(SANITIZER_BROKEN);

  const sanitizer: Sanitizer = {
    sanitizeInPlace(root) {
      inPlace.sanitize(root);
      return root;
    },
    sanitizedCopy(root) {
      const body = toDom.sanitize(root) as unknown as HTMLElement;
      return body.firstElementChild ?? body;
    },
    sanitize(html) {
      return String(toString.sanitize(html));
    },
  };

  try {
    // Every path on a parsed tree in an inert document, as the pipeline and the reader view use them.
    // Parsed with DOMParser rather than assigned to innerHTML, which addons-linter flags in the Firefox build.
    const parse = () =>
      new (win as Window & typeof globalThis).DOMParser().parseFromString(`<div>${PAYLOAD}</div>`, 'text/html').body;
    const outputs = [
      sanitizer.sanitizeInPlace(parse()).innerHTML,
      sanitizer.sanitizedCopy(parse().firstElementChild!).innerHTML,
      sanitizer.sanitize(PAYLOAD),
    ];
    for (const out of outputs) {
      if (SURVIVOR.test(out) || !out.includes('<p>kept</p>')) return new Error(SANITIZER_BROKEN);
    }
  } catch {
    return new Error(SANITIZER_BROKEN);
  }
  return sanitizer;
}

function configured(win: Window, config: Config): ReturnType<typeof DOMPurify> {
  const purify = DOMPurify(win as unknown as WindowLike);
  purify.setConfig(config);
  purify.addHook('afterSanitizeAttributes', secureLink);
  return purify;
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
