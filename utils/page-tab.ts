// Talking to the page's content script from extension pages and the background: inject it on demand, then send
// typed requests with a time bound, so a page that never answers can never leave the popup waiting.
import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_FILE, type PageRequest, type PageResponse } from '../lib/messages';

/** Set in the page's extension world before an on-demand injection, so the script knows a user asked for it. */
export const ON_DEMAND_MARK = 'clarte.on-demand';

/** How long the page may take to answer: the pipeline on a very large page, plus the messaging. */
export const PAGE_TIME_BOUND_MS = 8_000;

export class PageTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`The page did not answer within ${seconds} s.`);
    this.name = 'PageTimeoutError';
  }
}

/**
 * Runs the content script in the tab's top frame (activeTab + scripting). Injecting again is harmless: the
 * script only starts once per page. Throws the browser's error on pages closed to extensions. The mark and the
 * script are sent together, one round trip: the mark has no file to read, so it arrives first; were it ever
 * second, the script would take the page for an auto-clean one, which only cleans a page the user listed.
 */
export async function injectContentScript(tabId: number): Promise<void> {
  await Promise.all([
    browser.scripting.executeScript({
      target: { tabId },
      func: (mark: string) => {
        (globalThis as Record<symbol, unknown>)[Symbol.for(mark)] = true;
      },
      args: [ON_DEMAND_MARK],
    }),
    browser.scripting.executeScript({ target: { tabId }, files: [`/${CONTENT_SCRIPT_FILE}`] }),
  ]);
}

/** Sends `request` to the tab's content script; rejects with PageTimeoutError past `timeBoundMs`. */
export async function askPage<T extends PageRequest>(
  tabId: number,
  request: T,
  timeBoundMs = PAGE_TIME_BOUND_MS,
): Promise<PageResponse<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PageTimeoutError(Math.round(timeBoundMs / 1000))), timeBoundMs);
  });
  try {
    const answer = browser.tabs.sendMessage(tabId, request, { frameId: 0 }) as Promise<PageResponse<T>>;
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
