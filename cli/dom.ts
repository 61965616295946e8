// HTML string → DOM in Node. jsdom, because DOMPurify really sanitizes under it (it does not under happy-dom 21)
// and it parses like a browser. Scripts never run and no subresource is fetched.
import { createRequire } from 'node:module';
import { JSDOM, VirtualConsole } from 'jsdom';

const require = createRequire(import.meta.url);

interface NodeImpl {
  _childrenList: unknown;
  _childNodesList: unknown;
  _referencedRanges: Set<unknown>;
  _modified(): void;
  _insert(node: NodeImpl, child: NodeImpl | null, suppressObservers?: boolean): void;
  _remove(node: NodeImpl, suppressObservers?: boolean): void;
}

/**
 * Two things make jsdom 29 quadratic on a long run of siblings, where a browser is linear; a flat run of 200,000
 * elements took 77 s. Both are only bookkeeping, skipped here where it has nothing to keep (what jsdom 30.1 does
 * for the first, jsdom/jsdom#4249; jsdom 30 needs Node 22). Applied to jsdom 29 only: they reach into its
 * internals.
 * - Once a node's live `childNodes` / `children` has been read, every change to its children rebuilds it
 *   (Readability turns each childless <div> of a run into a <p>: n rebuilds of n nodes). Every read of those
 *   lists already refreshes a stale one (they compare versions), so the rebuild on change is dropped.
 * - Inserting or removing a child first counts its preceding siblings, to move the live Ranges around it. The
 *   CLI's pipeline makes no Range: with none on the parent (or in a removed subtree), the count is skipped.
 */
function keepSiblingRunsLinear(): void {
  if (!(require('jsdom/package.json') as { version: string }).version.startsWith('29.')) return;
  const { implementation } = require('jsdom/lib/jsdom/living/nodes/Node-impl.js') as {
    implementation: { prototype: NodeImpl };
  };
  const { domSymbolTree: tree } = require('jsdom/lib/jsdom/living/helpers/internal-constants.js') as {
    domSymbolTree: { index(node: NodeImpl): number; treeIterator(root: NodeImpl): Iterable<NodeImpl> };
  };
  const node = implementation.prototype;
  const { _modified: modified, _insert: insert, _remove: remove } = node;
  const index = tree.index;

  node._modified = function (this: NodeImpl) {
    const { _childrenList: children, _childNodesList: childNodes } = this;
    this._childrenList = null;
    this._childNodesList = null;
    try {
      modified.call(this);
    } finally {
      this._childrenList = children;
      this._childNodesList = childNodes;
    }
  };

  // The sibling count is the first thing _insert and _remove ask the tree for; the next ask gets -1 instead
  // when no Range could need it.
  let skipNextIndex = false;
  tree.index = function (this: unknown, child: NodeImpl) {
    if (skipNextIndex) {
      skipNextIndex = false;
      return -1;
    }
    return index.call(this, child);
  };
  const withoutRanges = (root: NodeImpl) => {
    for (const descendant of tree.treeIterator(root)) if (descendant._referencedRanges.size > 0) return false;
    return true;
  };
  node._insert = function (this: NodeImpl, child, before, suppressObservers) {
    skipNextIndex = Boolean(before) && this._referencedRanges.size === 0;
    try {
      insert.call(this, child, before, suppressObservers);
    } finally {
      skipNextIndex = false;
    }
  };
  node._remove = function (this: NodeImpl, child, suppressObservers) {
    skipNextIndex = this._referencedRanges.size === 0 && withoutRanges(child);
    try {
      remove.call(this, child, suppressObservers);
    } finally {
      skipNextIndex = false;
    }
  };
}
keepSiblingRunsLinear();

interface HTMLCollectionImpl {
  _list: ElementImpl[];
  _version: number;
  _update(): void;
  namedItem(key: string): ElementImpl | null;
}
interface ElementImpl {
  _namespaceURI: string | null;
  getAttributeNS(namespace: string | null, name: string): string | null;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const namedIndexes = new WeakMap<HTMLCollectionImpl, { version: number; byName: Map<string, ElementImpl> }>();

/**
 * jsdom 29 looks every property read on an HTMLCollection up as a named item first (`length` too), scanning the
 * whole collection: `Array.from(el.getElementsByTagName('p'))` reads `length` once per item, n scans of n
 * elements (30 s for 8,000 paragraphs). Here the names of a collection are indexed once per version of it (the
 * first element with that id or name, in tree order, as the scan finds), so a read costs a lookup.
 */
function keepNamedLookupsLinear(): void {
  if (!(require('jsdom/package.json') as { version: string }).version.startsWith('29.')) return;
  const { implementation } = require('jsdom/lib/jsdom/living/nodes/HTMLCollection-impl.js') as {
    implementation: { prototype: HTMLCollectionImpl };
  };
  implementation.prototype.namedItem = function (this: HTMLCollectionImpl, key: string) {
    if (key === '') return null;
    this._update();
    let index = namedIndexes.get(this);
    if (index?.version !== this._version) {
      const byName = new Map<string, ElementImpl>();
      for (const element of this._list) {
        const id = element.getAttributeNS(null, 'id');
        if (id && !byName.has(id)) byName.set(id, element);
        const name = element._namespaceURI === HTML_NS ? element.getAttributeNS(null, 'name') : null;
        if (name && !byName.has(name)) byName.set(name, element);
      }
      index = { version: this._version, byName };
      namedIndexes.set(this, index);
    }
    return index.byName.get(key) ?? null;
  };
}
keepNamedLookupsLinear();

interface FrameImpl {
  _attach(): void;
  _detach(): void;
  _attrModified(name: string, value: string | null, oldValue: string | null): void;
}

/**
 * jsdom 29 gives every `<iframe>` and `<frame>` a window of its own as it is parsed (about:blank when nothing is
 * fetched): a full set of DOM interfaces, about 1 MB and 20 ms each, and on each one attached or removed it scans
 * the whole document for frames. Nothing in the pipeline reads a frame's document or `window.frames`, so frames
 * stay unloaded: `contentWindow` is null, as in a document without a window.
 */
function leaveFramesUnloaded(): void {
  if (!(require('jsdom/package.json') as { version: string }).version.startsWith('29.')) return;
  const { implementation: frame } = require('jsdom/lib/jsdom/living/nodes/HTMLFrameElement-impl.js') as {
    implementation: { prototype: FrameImpl };
  };
  const { implementation: element } = require('jsdom/lib/jsdom/living/nodes/HTMLElement-impl.js') as {
    implementation: { prototype: FrameImpl };
  };
  frame.prototype._attach = element.prototype._attach;
  frame.prototype._detach = element.prototype._detach;
  frame.prototype._attrModified = element.prototype._attrModified;
}
leaveFramesUnloaded();

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
