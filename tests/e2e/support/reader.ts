// Reaching into the reader view's closed shadow root from a test: the DevTools protocol sees closed roots (as
// the user sees the rendered page), page scripts do not.
import type { BrowserContext, Page } from 'playwright-core';
import { AXE_SOURCE, type AxeViolation } from './axe';

type DomNode = { nodeName: string; backendNodeId: number; children?: DomNode[]; shadowRoots?: DomNode[] };

/**
 * Runs `functionBody` with `this` bound to the reader's shadow root in `page` and gives back its JSON result
 * (promises awaited); undefined when no reader view is showing.
 */
export async function inReader<T>(
  context: BrowserContext,
  page: Page,
  functionBody: string,
): Promise<T | undefined> {
  const cdp = await context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (node: DomNode): DomNode | undefined =>
      node.nodeName === 'CLARTE-READER' ? node : (node.children ?? []).map(find).find(Boolean);
    const shadow = find(root)?.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `async function () { ${functionBody} }`,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/**
 * axe-core's serious and critical violations in the reader view. axe cannot see into a closed shadow root, so the
 * root's content (its style sheet included) is cloned into an open one that takes the reader's place while axe
 * runs; the reader is put back after.
 */
export async function readerAxeViolations(context: BrowserContext, page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${AXE_SOURCE};0`);
  const violations = await inReader<AxeViolation[]>(context, page, `
    const host = this.host;
    const probe = document.createElement('div');
    probe.attachShadow({ mode: 'open' }).append(...[...this.childNodes].map((node) => node.cloneNode(true)));
    host.replaceWith(probe);
    try {
      const { violations } = await axe.run(probe);
      return violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.length }));
    } finally {
      probe.replaceWith(host);
    }`);
  return (violations ?? []).filter(({ impact }) => impact === 'serious' || impact === 'critical');
}
