// Small builders for the reader view's own elements (toolbar, panels, read aloud).

export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/**
 * A button showing `text`; `label`, when given, is its accessible name, and `text` is then a glyph (A+) drawn by
 * CSS: the name does not have to contain it (as axe's label-content-name-mismatch asks of visible text).
 */
export function button(doc: Document, text: string, label: string | null, onClick: () => void): HTMLButtonElement {
  const node = element(doc, 'button', { type: 'button' });
  if (label) {
    node.dataset.glyph = text;
    node.setAttribute('aria-label', label);
    node.title = label;
  } else {
    node.textContent = text;
  }
  node.addEventListener('click', onClick);
  return node;
}
