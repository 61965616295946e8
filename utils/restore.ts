// Hiding the original page without destroying it. The page's own <body> element is taken out of the document
// and a bare stand-in body takes its place; restoring puts the very same element back. Node identity keeps
// everything a copy would lose: typed form values, listeners, scroll containers, element references held by the
// page's scripts. Nothing is added to the original nodes, so the document serializes exactly as before. Known cost
// of detaching: the page's iframes reload when the body comes back (a browser reloads a frame re-inserted into a
// document); covering the page instead would leave it in find-in-page, the tab order and the accessibility tree.

export interface HiddenPage {
  /** Puts the original body back, and the scroll position and focus the user had. Only the first call acts. */
  restore(): void;
}

/** Replaces what the tab shows with `replacement` (inside a fresh <body>) until `restore()`. */
export function hideOriginalPage(doc: Document, replacement: Node): HiddenPage {
  const win = doc.defaultView;
  const original = doc.body;
  if (!win || !original) throw new Error('This page has no body to replace.');
  const scroll = { left: win.scrollX, top: win.scrollY };
  const focused = doc.activeElement instanceof win.HTMLElement && doc.activeElement !== original
    ? doc.activeElement
    : null;

  const standIn = doc.createElement('body');
  standIn.append(replacement);
  original.replaceWith(standIn);

  let restored = false;
  return {
    restore() {
      if (restored) return;
      restored = true;
      // What the page's scripts added to `document.body` meanwhile (a live ticker, lazy content, a dialog) went
      // into the stand-in: it joins the original body, in the order added, rather than being lost.
      replacement.parentNode?.removeChild(replacement);
      original.append(...standIn.childNodes);
      standIn.replaceWith(original);
      // `instant`: a page's `scroll-behavior: smooth` would otherwise animate back from the top.
      win.scrollTo({ left: scroll.left, top: scroll.top, behavior: 'instant' });
      focused?.focus({ preventScroll: true });
    },
  };
}
