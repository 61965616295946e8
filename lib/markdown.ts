// `markdown`: turndown on the sanitized article node itself, so no second HTML parser is bundled or run. The
// pipeline converts in step 6 when asked to (the CLI); the extension asks for Markdown only when the user copies
// as Markdown, and converts the sanitized `html` it already has (`htmlMarkdown`).

import TurndownService from 'turndown';

let service: TurndownService | null = null;

/** The sanitized article element as Markdown (ATX headings, `-` bullets, fenced code). */
export function articleMarkdown(root: Element): string {
  service ??= new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    linkStyle: 'inlined',
  });
  // turndown's type says HTMLElement; it only walks nodes (and clones its input), so any Element will do.
  return service.turndown(root as HTMLElement).trim();
}

/**
 * The Markdown of a result's sanitized `html` (the same as `articleMarkdown` on the node it was serialized from).
 * Parsed by a DOMParser into an inert document (nothing in it loads or runs), never in the
 * page; a DOMParser, not `innerHTML`, which Firefox's add-on linter flags.
 */
export function htmlMarkdown(html: string, doc: Document): string {
  if (!html) return '';
  // The extension's own DOMParser where there is one (a content script's, not the page's); jsdom's in Node.
  const Parser = globalThis.DOMParser ?? (doc.defaultView as (Window & typeof globalThis) | null)?.DOMParser;
  if (!Parser) throw new Error('No DOMParser to read the article with.');
  return articleMarkdown(new Parser().parseFromString(html, 'text/html').body);
}
