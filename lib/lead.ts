// The lead (standfirst, chapô) often sits in the article header next to the headline, outside the container
// Readability picks, and is lost with the header. The page usually repeats it as its description: find the
// element that says it before Readability runs, and put it back on top of the article if Readability left it out.

import { comparable } from './text';

/** Characters of the description a lead must start with (descriptions are often the lead, cut short). */
const PREFIX_CHARS = 60;

/** A copy of the page's lead, or null: looked up in `doc` before Readability moves its nodes. */
export interface LeadCandidate {
  element: Element;
  copy: Element;
}

export function findLead(doc: Document, description: string | null): LeadCandidate | null {
  if (!description) return null;
  const wanted = comparable(description);
  if (wanted.length < 40) return null;
  const prefix = wanted.slice(0, PREFIX_CHARS);
  for (const el of doc.body?.querySelectorAll('p, [itemprop~="description"]') ?? []) {
    const raw = el.textContent ?? '';
    // Cheap length test before normalizing: a lead is about as long as the description, or a little longer.
    if (raw.length < wanted.length * 0.8 || raw.length > wanted.length * 3 + 200) continue;
    const text = comparable(raw);
    if (text === wanted || (wanted.length >= PREFIX_CHARS && text.includes(prefix))) {
      return { element: el, copy: el.cloneNode(true) as Element };
    }
  }
  return null;
}

/** Puts the lead on top of Readability's article when Readability did not keep it. */
export function restoreLead(article: Element, lead: LeadCandidate | null): void {
  if (!lead || article.contains(lead.element)) return;
  // Readability sometimes keeps the text in a new node (a <div> retagged as <p>): then it is not lost.
  const leadStart = comparable(lead.copy.textContent ?? '').slice(0, PREFIX_CHARS);
  if (comparable(article.textContent ?? '').includes(leadStart)) return;
  // Readability wraps its content in one page <div>; the lead goes first inside it.
  const container = article.firstElementChild?.nodeName === 'DIV' && article.childElementCount === 1
    ? article.firstElementChild
    : article;
  container.prepend(lead.copy);
}
