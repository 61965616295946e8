// HTML string → DOM in Node. jsdom, because DOMPurify really sanitizes under it (it does not under happy-dom 21)
// and it parses like a browser. Scripts never run and no subresource is fetched.
import { JSDOM, VirtualConsole } from 'jsdom';

const STYLE_SHEET = /(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi;

/**
 * Parses a page; `window.close()` it when done so that a long batch keeps constant memory.
 *
 * The contents of `<style>` elements are left out: jsdom 29 parses and validates every style sheet, which
 * doubles the parse time of a modern page and throws on some invalid CSS (a Sass variable left inside calc()),
 * losing the whole page where a browser drops the rule. Nothing downstream reads style sheets: Readability
 * removes `<style>` and judges visibility from inline `style` attributes only, which are kept.
 */
export function parseHtml(html: string, url?: string | null): JSDOM {
  // Pages' CSS and markup errors are not the user's business: keep jsdom quiet.
  return new JSDOM(html.replace(STYLE_SHEET, '$1$2'), { url: url ?? undefined, virtualConsole: new VirtualConsole() });
}
