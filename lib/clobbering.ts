// A page's named elements can shadow the DOM's own properties ("DOM clobbering"): `<form><input name="getAttribute">`
// makes `form.getAttribute` the input in every world, `<img name="cloneNode">` makes `document.cloneNode` the
// picture in the page's own world (where the bench runs the pipeline; Chromium hides a document's named elements
// from content scripts). The pipeline reads the page only through `unshadowed` until it has a copy, and defuses
// the copy before any step reads it.

/**
 * `doc[key]` as the DOM defines it, whatever the page names its elements: read from the prototype (named elements
 * are the document's own properties). A method comes unbound: `unshadowed(doc, 'cloneNode').call(doc, true)`.
 */
export const unshadowed = <K extends keyof Document>(doc: Document, key: K): Document[K] =>
  Reflect.get(Object.getPrototypeOf(doc) as object, key, doc) as Document[K];

/**
 * A named element can shadow a DOM property: `<form><input name="parentNode">` makes `form.parentNode` the
 * input, and Readability, walking up, loops forever (the tab hangs). In the clone, a `name` or `id` that could
 * shadow a property of its form or of the document goes (nothing downstream reads them). Decided from the
 * prototypes, without looking the name up: a form remembers a name once looked up, even after it is removed.
 * The methods called here come from the prototypes too: a form's inputs may shadow them as well
 * (`<input name="getAttribute">`).
 */
export function defuseClobbering(clone: Document): void {
  const documentPrototype = Object.getPrototypeOf(clone) as Document;
  const formPrototype = Object.getPrototypeOf(documentPrototype.createElement.call(clone, 'form')) as object;
  // HTMLFormElement → HTMLElement → Element.
  const { getAttribute, removeAttribute, querySelectorAll } = Object.getPrototypeOf(Object.getPrototypeOf(formPrototype)) as Element;
  const defuse = (element: Element, shadowed: object) => {
    for (const attribute of ['name', 'id']) {
      const value = getAttribute.call(element, attribute);
      if (value && value in shadowed) removeAttribute.call(element, attribute);
    }
  };
  // Any name or id in a form (the form's own too). Not a `form [name]` selector: jsdom's selector engine takes ten
  // times longer over it (CLI).
  for (const form of Array.from(documentPrototype.getElementsByTagName.call(clone, 'form'))) {
    defuse(form, formPrototype);
    for (const element of querySelectorAll.call(form, '[name], [id]')) defuse(element, formPrototype);
  }
  for (const element of documentPrototype.querySelectorAll.call(clone, NAMED_ON_DOCUMENT)) defuse(element, documentPrototype);
}

/** Elements a document exposes as named properties (HTML's "named elements" of Document). */
const NAMED_ON_DOCUMENT = ['form', 'img', 'embed', 'object', 'iframe', 'frame'].flatMap((tag) => [`${tag}[name]`, `${tag}[id]`]).join(', ');

