// What the keyboard shortcut and the context menu items do to a tab. The background calls these from the
// command/menu events, which grant activeTab for that tab; the content script is injected on demand, as for
// the toolbar button, and then told what to do.
import { browser, type Browser } from 'wxt/browser';
import { askPage, injectContentScript, PageTimeoutError } from './page-tab';
import { getCopyFormat } from './settings';
import { formatForCopy } from '@/lib/copy-format';
import type { PageRequest, PageResponse } from '@/lib/messages';

export const TOGGLE_READER_COMMAND = 'toggle-reader';
export const MENU_COPY_CLEAN_TEXT = 'copy-clean-text';
export const MENU_CLEAN_PAGE = 'clean-page';

/** Menus persist in the browser: create them once per install/update, with the UI language's titles. */
export async function createContextMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  const contexts: ['page', 'selection'] = ['page', 'selection'];
  // http(s) pages only: elsewhere (extension pages, the stores, PDF viewer) no content script may run.
  const documentUrlPatterns = ['http://*/*', 'https://*/*'];
  browser.contextMenus.create({
    id: MENU_COPY_CLEAN_TEXT,
    title: browser.i18n.getMessage('menuCopyCleanText'),
    contexts,
    documentUrlPatterns,
  });
  browser.contextMenus.create({
    id: MENU_CLEAN_PAGE,
    title: browser.i18n.getMessage('menuCleanPage'),
    contexts,
    documentUrlPatterns,
  });
}

/**
 * Tabs whose reader view was open at their last answer: their page has the script, so the shortcut's restore is
 * sent without injecting the script again (the page would run it, if only to find itself there, before the
 * request). Forgotten when the background stops; after a navigation it costs one refused request.
 */
const readerOpenIn = new Set<number>();

/**
 * Sends `request` to the page's content script, injecting it when the page has none. The injection starts while
 * the request is on its way: a script already there (an auto-clean site, the popup opened twice) answers and the
 * injection does nothing (the script starts once per page); a page without one refuses the request at once, and
 * it is sent again once the script is in. Only a refused request is sent again, so nothing is done twice.
 */
async function sendToPage<T extends PageRequest>(tabId: number, request: T): Promise<PageResponse<T>> {
  // Its failure (a page closed to extensions) matters only if the page has no script to answer.
  const inject = () => injectContentScript(tabId).then(() => null, (error: unknown) => ({ error }));
  const injected = readerOpenIn.has(tabId) ? null : inject();
  let response: PageResponse<T>;
  try {
    response = await askPage(tabId, request);
  } catch (error) {
    // The script got the request and did not answer in time: sending it again would act twice.
    if (error instanceof PageTimeoutError) throw error;
    const failed = await (injected ?? inject());
    if (failed) throw failed.error;
    response = await askPage(tabId, request);
  }
  const { readerOpen } = response as { readerOpen?: boolean };
  if (readerOpen !== undefined) readerOpenIn[readerOpen ? 'add' : 'delete'](tabId);
  return response;
}

export const toggleReaderInTab = (tabId: number) => sendToPage(tabId, { type: 'clarte:toggle' });
export const cleanPageInTab = (tabId: number) => sendToPage(tabId, { type: 'clarte:clean-page' });

/**
 * Copies the article in the chosen format. The background has no clipboard (Chrome's service worker has none),
 * so the page writes it: the right-click that opened the menu gave the page its user activation.
 */
export async function copyCleanTextInTab(tabId: number): Promise<boolean> {
  const format = await getCopyFormat();
  // The background (a service worker) has no DOM to make Markdown with: the page makes it, when it is asked for.
  const response = await sendToPage(tabId, { type: 'clarte:get-article', markdown: format === 'markdown' });
  if (!response.ok) return false;
  const text = formatForCopy(response.article, format);
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: (copied: string) => navigator.clipboard.writeText(copied).then(() => true, () => false),
    args: [text],
  });
  return result?.result === true;
}

export async function handleCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (command !== TOGGLE_READER_COMMAND) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId !== undefined) await toggleReaderInTab(tabId);
}

export async function handleMenuClick(
  info: Pick<Browser.contextMenus.OnClickData, 'menuItemId'>,
  tab?: Browser.tabs.Tab,
): Promise<void> {
  if (tab?.id === undefined) return;
  if (info.menuItemId === MENU_COPY_CLEAN_TEXT) await copyCleanTextInTab(tab.id);
  else if (info.menuItemId === MENU_CLEAN_PAGE) await cleanPageInTab(tab.id);
}
