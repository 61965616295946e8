// The XSS corpus laid out as hostile article pages: several vectors per page (one page per vector would make
// the browser test far too slow), each vector inside a paragraph of the article body and followed by a
// checkpoint paragraph, so a test can tell that the page still holds every vector (nothing swallowed the rest).
import { articlePage } from './article.ts';
import { xssVectors, type XssVector } from './vectors.ts';

export interface XssPage {
  path: string;
  html: string;
  vectors: XssVector[];
}

/** Records a payload that ran in the page: the flag the tests read, and the beacon the server logs. */
export const HOOK_SCRIPT =
  "window.__xssHits=[];window.__xss=function(id){window.__xssHits.push(id);" +
  "navigator.sendBeacon('/beacon?id='+id+'&via=hook')};";

export function checkpointText(id: number): string {
  return `Checkpoint ${id}: the harbour office confirmed these figures again on Wednesday.`;
}

export function vectorParagraphs(vector: XssVector): string {
  return (
    `<p>Residents quoted in the minutes spoke at length about the project ${vector.html} before the vote.</p>\n` +
    `<p data-checkpoint="${vector.id}">${checkpointText(vector.id)}</p>`
  );
}

/** Pages of at most `perPage` vectors; a vector marked `alone` gets a page of its own. */
export function xssPages(port: number, perPage = 10, nonce = 'clarte-test'): XssPage[] {
  const vectors = xssVectors(port);
  const groups: XssVector[][] = [];
  let current: XssVector[] = [];
  for (const vector of vectors) {
    if (vector.alone) {
      groups.push([vector]);
      continue;
    }
    current.push(vector);
    if (current.length === perPage) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length) groups.push(current);
  return groups.map((group, index) => ({
    path: `/xss/${index + 1}.html`,
    vectors: group,
    html: articlePage({
      head:
        `<script nonce="${nonce}">${HOOK_SCRIPT}</script>\n` +
        // For the onanimationstart vector: a one-shot animation the page itself defines.
        '<style>@keyframes xss-spin{from{opacity:.9}to{opacity:1}}</style>',
      // A vector that swallows the rest of the page goes last, so the prose before it still makes an article.
      inserts: group[0].alone ? ['', '', '', '', vectorParagraphs(group[0])] : group.map(vectorParagraphs),
    }),
  }));
}

/** One vector alone in an article page: what the unit test feeds the pipeline, vector by vector. */
export function singleVectorPage(vector: XssVector): string {
  return articlePage({ inserts: ['', '', vectorParagraphs(vector)] });
}
