// Step 5: DOMPurify, failing closed. `isSupported` is not proof that it works (under happy-dom 21 it says true and
// lets `<script>` through), so each window's sanitizer first has to strip a known payload before it is used.

import DOMPurify, { type Config, type WindowLike } from 'dompurify';

export const SANITIZER_BROKEN = 'The sanitizer is not working in this environment; refusing to show article HTML.';

export interface Sanitizer {
  /**
   * A sanitized copy of `root` in an inert document of the sanitizer's own, `root` untouched. The fastest way
   * from a tree to a clean tree: DOMPurify's in-place mode walks the tree several more times to guard it.
   */
  sanitizedCopy(root: Element): Element;
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

/**
 * The sanitizer for `win`'s documents, checked once per window; throws an Error when it cannot be trusted.
 */
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
  // Configured once (a config passed per call is re-parsed per call, its allow-lists copied), checked before use.
  const probe = () =>
    new (win as Window & typeof globalThis).DOMParser().parseFromString(`<div>${PAYLOAD}</div>`, 'text/html').body
      .firstElementChild!;
  const copy = checkedPath(
    () => {
      const purify = configured(win, { ...CONFIG, RETURN_DOM: true });
      return (root: Element) => {
        const body = purify.sanitize(root) as unknown as HTMLElement;
        return body.firstElementChild ?? body;
      };
    },
    (sanitizedCopy) => sanitizedCopy(probe()).innerHTML,
  );
  return copy instanceof Error ? copy : { sanitizedCopy: copy };
}

/** `make()`'s sanitizing function if it strips the payload (run through `probe`), else the sanitizer error. */
function checkedPath<T>(make: () => T, probe: (path: T) => string): T | Error {
  try {
    const path = make();
    const out = probe(path);
    return SURVIVOR.test(out) || !out.includes('<p>kept</p>') ? new Error(SANITIZER_BROKEN) : path;
  } catch {
    return new Error(SANITIZER_BROKEN);
  }
}

function configured(win: Window, config: Config): ReturnType<typeof DOMPurify> {
  const purify = DOMPurify(win as unknown as WindowLike);
  if (!purify.isSupported) throw new Error(SANITIZER_BROKEN);
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
