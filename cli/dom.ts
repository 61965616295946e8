// HTML string → DOM in Node. jsdom, because DOMPurify really sanitizes under it (it does not under happy-dom 21)
// and it parses like a browser. Scripts never run and no subresource is fetched.
import { JSDOM, VirtualConsole } from 'jsdom';

const STYLE_SHEET = /(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi;

/** Parses a page; `window.close()` it when done so that a long batch keeps constant memory. */
export function parseHtml(html: string, url?: string | null): JSDOM {
  // Pages' CSS and markup errors are not the user's business: keep jsdom quiet.
  const options = { url: url ?? undefined, virtualConsole: new VirtualConsole() };
  try {
    return new JSDOM(html, options);
  } catch (error) {
    // jsdom 29 throws on some invalid CSS in a <style> (e.g. a Sass variable left inside calc()) and so loses
    // the whole page, where a browser drops the bad rule. The article does not need the style sheets.
    const withoutStyleSheets = html.replace(STYLE_SHEET, '$1$2');
    if (withoutStyleSheets === html) throw error;
    return new JSDOM(withoutStyleSheets, options);
  }
}
