// React's streaming server rendering (Next.js's App Router and others) sends a page's slow parts last: each one
// arrives as `<div hidden id="S:x">` at the end of the body, and a small inline script moves it to where it
// belongs, in place of a loading skeleton. A page read without running its scripts (a saved page, the CLI, a tab
// whose scripts failed) keeps the article in hidden divs, which Readability skips: the reader got nothing, or a
// skeleton. Here the moves the scripts would have made are made on the working copy. On a live page whose
// scripts ran there is no such div and nothing happens.
//
// React pairs the ids by their suffix: content `S:x` replaces the fallback of the Suspense boundary that starts
// at `<template id="B:x">` (after a `<!--$?-->` marker, up to the matching `<!--/$-->`), or the placeholder
// `<template id="P:x">` of a segment. Both moves are those of React's own `$RC` and `$RS` instructions.

/** Where React puts a streamed segment, not yet moved: `<div hidden id="S:…">`. */
export function isStreamedSegment(el: Element): boolean {
  return el.hasAttribute('hidden') && el.id.startsWith('S:');
}

/** Moves every streamed segment of `doc` to its place; returns how many were moved. */
export function placeStreamedContent(doc: Document): number {
  // Segments are in stream order; one may hold the placeholder of a later one: moving nodes, either order works.
  let placed = 0;
  // Not `[id^="S:"]` in the selector: jsdom's selector engine takes 15 times longer over it (CLI).
  for (const segment of Array.from(doc.querySelectorAll('div[hidden]')).filter(isStreamedSegment)) {
    const suffix = segment.id.slice(2);
    const boundary = doc.getElementById(`B:${suffix}`);
    const start = boundary ?? doc.getElementById(`P:${suffix}`);
    const parent = start?.parentNode;
    if (!parent) continue;
    // A placeholder goes alone; a boundary's fallback goes from its template up to the boundary's closing
    // `<!--/$-->`, nested boundaries counted.
    let node: ChildNode | null = start;
    let depth = 0;
    do {
      const marker = node.nodeType === 8 ? (node as Comment).data : '';
      if (marker === '/$' && !depth--) break;
      if (/^\$[?!]?$/.test(marker)) depth++;
      const next: ChildNode | null = node.nextSibling;
      node.remove();
      node = next;
    } while (node && boundary);
    for (const child of Array.from(segment.childNodes)) parent.insertBefore(child, node);
    segment.remove();
    placed++;
  }
  return placed;
}
