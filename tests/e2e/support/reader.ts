// Reaching into the reader view's closed shadow root from a test: the DevTools protocol sees closed roots (as
// the user sees the rendered page), page scripts do not.
import type { BrowserContext, Page } from 'playwright-core';

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
      functionDeclaration: `function () { ${functionBody} }`,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}
