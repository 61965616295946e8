// What must never be in a clean article, checked on the DOM it ends up in (the popup, the reader view's shadow
// root, or a jsdom parse of the pipeline's HTML). Self-contained on purpose: E2E tests pass this very function
// to `page.evaluate`, so it may not refer to anything outside its body.

/** One line per dangerous thing found under `root`; empty when the content is safe. */
export function findDangers(root: ParentNode): string[] {
  const forbiddenElements = new Set([
    'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'form', 'portal',
    'fencedframe', 'noscript', 'noembed', 'noframes', 'handler', 'animate', 'set', 'animatemotion',
    'animatetransform', 'discard', 'foreignobject', 'bgsound', 'isindex', 'layer', 'xml', 'plaintext',
  ]);
  // Attributes whose value is fetched or navigated to.
  const urlAttributes = new Set([
    'href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'codebase', 'background', 'poster', 'srcset',
    'cite', 'ping', 'dynsrc', 'lowsrc', 'values', 'to', 'from', 'by',
  ]);
  const mediaTags = new Set(['img', 'picture', 'source', 'video', 'audio', 'track', 'image']);
  const mediaAttributes = new Set(['src', 'srcset', 'poster', 'href', 'xlink:href']);
  const activeCss = /@import|javascript:|vbscript:|expression\s*\(|-moz-binding|behavior\s*:/i;
  // CSS as the browser reads it: comments gone, escapes (`\65 xpression`) decoded.
  const plainCss = (css: string) =>
    css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
  const document = (root as Node).ownerDocument ?? (root as unknown as Document);
  const problems: string[] = [];
  const elements = (root as Element).querySelectorAll('*');
  for (let i = 0; i < elements.length; i += 1) {
    const element = elements[i];
    const tag = element.localName.toLowerCase();
    const where = `<${tag}>`;
    if (forbiddenElements.has(tag)) problems.push(`${where} element`);
    if (tag === 'style' && activeCss.test(plainCss(element.textContent ?? ''))) problems.push(`${where} with active CSS`);
    if (tag === 'use') {
      const href = element.getAttribute('href') ?? element.getAttribute('xlink:href') ?? '';
      if (href && !href.startsWith('#')) problems.push(`${where} with external reference ${href.slice(0, 40)}`);
    }
    for (let j = 0; j < element.attributes.length; j += 1) {
      const { name, value } = element.attributes[j];
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) problems.push(`${where} event handler ${lower}`);
      if (lower === 'srcdoc') problems.push(`${where} srcdoc`);
      if (lower === 'style' && activeCss.test(plainCss(value))) problems.push(`${where} active style ${value.slice(0, 40)}`);
      if (urlAttributes.has(lower)) {
        // Read the URL the way a browser does: control characters and whitespace anywhere dropped, case ignored.
        const squeezed = value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u205f\u3000\ufeff]/g, '').toLowerCase();
        // Lists (srcset, SMIL values) hold several URLs.
        const scriptScheme = squeezed.split(/[,;]/).some((url) => /^(javascript|vbscript|livescript):/.test(url));
        // data: is fine as an image or media source (no script runs there), not as a document to open or embed.
        const documentData = squeezed.startsWith('data:') && !(mediaTags.has(tag) && mediaAttributes.has(lower));
        if (scriptScheme || documentData) problems.push(`${where} ${lower}=${value.slice(0, 50)}`);
      }
      // DOM clobbering: a named element shadowing a property of the document.
      if ((lower === 'id' || lower === 'name') && value && value in document) {
        const named = (document as unknown as Record<string, unknown>)[value];
        const collection = named && typeof named === 'object' && 'length' in named ? (named as ArrayLike<unknown>) : null;
        if (named === element || (collection && Array.prototype.indexOf.call(collection, element) >= 0)) {
          problems.push(`${where} clobbers document.${value}`);
        }
      }
    }
    const isHtmlLink = (tag === 'a' || tag === 'area') && element.namespaceURI === 'http://www.w3.org/1999/xhtml';
    const href = element.getAttribute('href');
    if (isHtmlLink && href && !href.startsWith('#')) {
      const rel = (element.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer')) {
        problems.push(`${where} link without rel="noopener noreferrer": ${href.slice(0, 40)}`);
      }
    }
  }
  return problems;
}
