// Step 6, `markdown`: turndown on the sanitized article node itself, so no second HTML parser is bundled or run.

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
