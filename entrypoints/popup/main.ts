// The popup: finds the tab, injects the content script, asks for the article and shows it (or why it cannot),
// with Copy, Clean page / Restore, the hashtags and the auto-clean switch. `?tab=<id>` shows that tab instead of
// the active one (the "open in a tab" link and the end-to-end tests use it).
import { browser, type Browser } from 'wxt/browser';
import { formatArticleDate } from '@/lib/article-date';
import { formatForCopy } from '@/lib/copy-format';
import type { PageFailure } from '@/lib/messages';
import { refusalKind, restrictedKind, type RestrictedKind } from '@/lib/restricted-pages';
import type { CleanResult } from '@/lib/types';
import { disableAutoClean, enableAutoClean, isAutoCleanEnabled } from '@/utils/auto-clean';
import { askPage, injectContentScript, PageTimeoutError } from '@/utils/page-tab';
import { uiLocale } from '@/utils/ui-locale';
import {
  COPY_FORMATS,
  getAutoCleanSites,
  getCopyFormat,
  setCopyFormat,
  siteOrigin,
  type CopyFormat,
} from '@/utils/settings';

type MessageName = Parameters<typeof browser.i18n.getMessage>[0];
const t = (name: MessageName, ...substitutions: string[]) =>
  browser.i18n.getMessage(name, substitutions.length ? substitutions : undefined);

const RESTRICTED_MESSAGES: Record<RestrictedKind, MessageName> = {
  browser: 'restrictedBrowser',
  store: 'restrictedStore',
  pdf: 'restrictedPdf',
  source: 'restrictedSource',
  file: 'restrictedFile',
  unknown: 'restrictedUnknown',
};
const COPY_FORMAT_MESSAGES: Record<CopyFormat, MessageName> = {
  text: 'copyFormatText',
  markdown: 'copyFormatMarkdown',
  'text-with-source': 'copyFormatWithSource',
};

const app = document.getElementById('app')!;
const uiLanguage = uiLocale();
const tabParameter = new URLSearchParams(location.search).get('tab');
document.documentElement.lang = uiLanguage;
document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
document.title = t('popupTitle');
document.body.classList.toggle('in-tab', tabParameter !== null);

mark('script');
/**
 * The settings the article's view needs, read while the page works on the article rather than after it: for the
 * first view only (a later one reads them again, the user may have changed them meanwhile).
 */
let firstViewSettings: Promise<[CopyFormat, string[]]> | null = Promise.all([getCopyFormat(), getAutoCleanSites()]);
void start();

async function start(): Promise<void> {
  showLoading();
  let tab: Browser.tabs.Tab | undefined;
  const fileAccessAsked = browser.extension.isAllowedFileSchemeAccess().catch(() => false);
  try {
    tab = tabParameter !== null
      ? await browser.tabs.get(Number(tabParameter))
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  } catch (error) {
    showError(messageOf(error));
    return;
  }
  if (tab?.id === undefined) {
    showError(t('errorNoTab'));
    return;
  }
  const tabId = tab.id;
  // Without `tabs`, the address is only known where the extension may run (activeTab, host permission): an
  // unknown address is tried, and a refusal explained below.
  const fileAccess = await fileAccessAsked;
  const kind = tab.url ? restrictedKind(tab.url, fileAccess) : null;
  if (kind) {
    showRestricted(kind, null);
    return;
  }
  try {
    mark('inject');
    await injectContentScript(tabId);
    mark('injected');
  } catch (error) {
    const message = messageOf(error);
    const refusal = refusalKind(message);
    if (refusal) showRestricted(refusal, message);
    else showError(message);
    return;
  }
  await loadArticle(tabId, tab.url ?? null);
}

async function loadArticle(tabId: number, tabUrl: string | null): Promise<void> {
  showLoading();
  try {
    const [response, state] = await Promise.all([
      askPage(tabId, { type: 'clarte:get-article' }),
      askPage(tabId, { type: 'clarte:state' }),
    ]);
    if (!response.ok) {
      showFailure(response, tabId, tabUrl);
      return;
    }
    mark('answered');
    // A cached answer ran the pipeline before this popup opened: not part of its wait.
    if (response.timing && response.timing.started >= performance.timeOrigin) {
      mark('pipeline-start', response.timing.started - performance.timeOrigin);
      mark('pipeline-end', response.timing.ended - performance.timeOrigin);
    }
    const article = response.article;
    if (!article.isArticle) showNotArticle(tabId, article, state.readerOpen);
    else await showArticle(tabId, article, state.readerOpen);
  } catch (error) {
    if (error instanceof PageTimeoutError) {
      showFailure({ ok: false, reason: 'timeout', message: t('errorTimeout', String(error.seconds)) }, tabId, tabUrl);
    } else {
      showError(messageOf(error), () => loadArticle(tabId, tabUrl));
    }
  }
}

// ——— States ———

function showLoading(): void {
  const status = el('p', { class: 'state loading', role: 'status' }, t('loading'));
  app.replaceChildren(status);
  app.setAttribute('aria-busy', 'true');
}

function showRestricted(kind: RestrictedKind, browserMessage: string | null): void {
  const section = el('section', { class: 'state restricted' });
  section.append(el('h1', {}, t('restrictedTitle')), el('p', {}, t(RESTRICTED_MESSAGES[kind])));
  if (browserMessage) section.append(el('p', { class: 'detail' }, t('restrictedDetail', browserMessage)));
  settle(section);
}

function showError(message: string, retry?: () => void): void {
  const section = el('section', { class: 'state error', role: 'alert' });
  section.append(el('h1', {}, t('errorTitle')), el('p', { class: 'detail' }, message));
  if (retry) section.append(actionButton(t('retry'), retry));
  settle(section);
}

function showFailure(failure: PageFailure, tabId: number, tabUrl: string | null): void {
  const message = failure.reason === 'no-article' ? t('errorNoArticle') : failure.message;
  showError(message, () => void loadArticle(tabId, tabUrl));
}

function showNotArticle(tabId: number, article: CleanResult, readerOpen: boolean): void {
  const section = el('section', { class: 'state not-article' });
  section.append(el('h1', {}, t('notArticleTitle')), el('p', {}, t('notArticleHelp')));
  if (article.text) {
    section.append(actionButton(t('cleanAnyway'), async () => {
      await showArticle(tabId, article, readerOpen);
      await setReaderOpen(tabId, true);
    }, 'primary'));
  } else {
    section.append(el('p', { class: 'detail' }, t('errorNoArticle')));
  }
  settle(section);
}

// ——— The article ———

let pageToggle: HTMLButtonElement | null = null;

async function showArticle(tabId: number, article: CleanResult, readerOpen: boolean): Promise<void> {
  const [format, autoCleanSites] = await (firstViewSettings ?? Promise.all([getCopyFormat(), getAutoCleanSites()]));
  firstViewSettings = null;

  const header = el('header', { class: 'article-head' });
  header.append(el('h1', { class: 'title' }, article.title ?? ''));
  const date = formatArticleDate(article.publishedTime, uiLanguage);
  const readingTime = article.readingMinutes > 0 ? t('readingTime', String(article.readingMinutes)) : null;
  const meta = [article.byline, article.siteName, date, readingTime].filter((part): part is string => Boolean(part));
  if (meta.length) header.append(el('p', { class: 'meta' }, meta.join(' · ')));
  if (article.lang) header.lang = article.lang;

  // Actions: Clean page / Restore, Copy with its format, and the confirmation they share.
  const status = el('p', { class: 'confirmation', role: 'status' });
  pageToggle = actionButton('', () => void setReaderOpen(tabId, pageToggle?.dataset.open !== 'true'));
  setToggle(readerOpen);
  const copyButton = actionButton(
    t('copy'),
    () => {
      const chosen = formatSelect.value as CopyFormat;
      return copy(async () => formatForCopy(chosen === 'markdown' ? await markdownReady() : article, chosen), t('copied'));
    },
    'primary',
  );
  copyButton.classList.add('copy');
  const formatSelect = el('select', { id: 'copy-format' });
  for (const option of COPY_FORMATS) {
    const item = el('option', { value: option }, t(COPY_FORMAT_MESSAGES[option]));
    formatSelect.append(item);
  }
  formatSelect.value = format;
  formatSelect.addEventListener('change', () => {
    void setCopyFormat(formatSelect.value as CopyFormat);
    if (formatSelect.value === 'markdown') prepareMarkdown();
  });
  // The page makes the Markdown on request; asked for as soon as it may be needed, so Copy does not wait.
  let markdownRequest: Promise<CleanResult> | null = null;
  const markdownReady = () => {
    markdownRequest ??= withMarkdown(tabId, article).catch((error: unknown) => {
      markdownRequest = null;
      throw error;
    });
    return markdownRequest;
  };
  const prepareMarkdown = () => void markdownReady().catch(() => undefined);
  if (format === 'markdown') prepareMarkdown();
  const formatLabel = el('label', { for: 'copy-format' }, t('copyFormatLabel'));
  const actions = el('div', { class: 'actions' });
  const formatGroup = el('div', { class: 'format' });
  formatGroup.append(formatLabel, formatSelect);
  actions.append(pageToggle, copyButton, formatGroup);

  const parts: HTMLElement[] = [header, actions, status];

  // Hashtags: clicking one copies it.
  if (article.hashtags.length) {
    const section = el('section', { class: 'hashtags', 'aria-labelledby': 'hashtags-heading' });
    section.append(el('h2', { id: 'hashtags-heading' }, t('hashtagsLabel')));
    const list = el('ul', {});
    for (const { tag, count } of article.hashtags) {
      const chip = el('button', { type: 'button', class: 'chip', title: t('hashtagChipTitle', tag, String(count)) });
      chip.append(el('span', { class: 'tag' }, tag), el('span', { class: 'count' }, String(count)));
      chip.addEventListener('click', () => void copy(tag, t('tagCopied', tag)));
      const item = el('li', {});
      item.append(chip);
      list.append(item);
    }
    section.append(list);
    parts.push(section);
  }

  // The clean text, one paragraph per block: exactly `article.text`, which is what Copy copies.
  const text = el('div', { class: 'text', role: 'region', tabindex: '0', 'aria-label': t('articleTextLabel') });
  if (article.lang) text.lang = article.lang;
  text.dir = article.dir ?? 'auto';
  // An inert document: nothing in it loads or runs. Parsed once for the lead picture and the headings.
  const parsed = new DOMParser().parseFromString(article.html, 'text/html');
  const lead = leadPicture(parsed);
  if (lead) text.append(lead);
  const headings = headingTexts(parsed);
  for (const block of article.text.split('\n\n')) {
    const isHeading = headings.has(collapse(block));
    text.append(el('p', isHeading ? { class: 'subheading', role: 'heading', 'aria-level': '2' } : {}, block));
  }
  text.firstElementChild?.setAttribute('elementtiming', 'clarte-text');
  parts.push(text);

  // Auto-clean for this site (http(s) pages only).
  const site = siteOrigin(article.url);
  if (site && article.url) parts.push(autoCleanSwitch(article.url, new URL(site).hostname, autoCleanSites.includes(site)));

  if (tabParameter === null) {
    const href = `${browser.runtime.getURL('/popup.html')}?tab=${tabId}`;
    const link = el('a', { class: 'open-in-tab', href }, t('openInTab'));
    link.addEventListener('click', (event) => {
      event.preventDefault();
      void browser.tabs.create({ url: link.href }).then(() => window.close());
    });
    const footer = el('footer', {});
    footer.append(link);
    parts.push(footer);
  }

  app.replaceChildren(...parts);
  app.removeAttribute('aria-busy');
  copyButton.focus();
  mark('text-shown');

  async function copy(value: string | (() => Promise<string>), confirmation: string): Promise<void> {
    status.textContent = '';
    status.className = 'confirmation';
    try {
      await navigator.clipboard.writeText(typeof value === 'string' ? value : await value());
      status.textContent = `✓ ${confirmation}`;
      status.className = 'confirmation done';
    } catch (error) {
      status.textContent = t('copyFailed', messageOf(error));
      status.className = 'confirmation failed';
    }
  }
}

function autoCleanSwitch(pageUrl: string, host: string, enabled: boolean): HTMLElement {
  const input = el('input', { type: 'checkbox', role: 'switch', id: 'auto-clean' });
  input.checked = enabled;
  input.addEventListener('change', () => {
    input.disabled = true;
    // The permission prompt needs this click's user gesture: enableAutoClean asks before awaiting anything.
    const done = input.checked ? enableAutoClean(pageUrl) : disableAutoClean(pageUrl).then(() => false);
    void done
      .catch(() => isAutoCleanEnabled(pageUrl))
      .then((enabled) => {
        input.checked = enabled;
        input.disabled = false;
      });
  });
  const label = el('label', { class: 'switch', for: 'auto-clean' });
  label.append(input, el('span', {}, t('autoCleanSwitch', host)));
  return label;
}

/**
 * The article with its Markdown, for copying as Markdown: the page's pipeline leaves it out (most articles are
 * never copied as Markdown), and the page makes it from the same sanitized html on request.
 */
async function withMarkdown(tabId: number, article: CleanResult): Promise<CleanResult> {
  if (article.markdown || !article.html) return article;
  const response = await askPage(tabId, { type: 'clarte:get-article', markdown: true });
  if (!response.ok) throw new Error(response.message);
  // The page went elsewhere since the popup opened: its Markdown is not this article's.
  if (response.article.html !== article.html) throw new Error(t('errorNoArticle'));
  article.markdown = response.article.markdown;
  return article;
}

async function setReaderOpen(tabId: number, open: boolean): Promise<void> {
  const response = await askPage(tabId, { type: open ? 'clarte:clean-page' : 'clarte:restore' }).catch(
    (error: unknown): PageFailure => ({ ok: false, reason: 'failed', message: messageOf(error) }),
  );
  if (!response.ok) {
    showError(response.reason === 'no-article' ? t('errorNoArticle') : response.message);
    return;
  }
  setToggle(response.readerOpen);
}

function setToggle(readerOpen: boolean): void {
  if (!pageToggle) return;
  pageToggle.dataset.open = String(readerOpen);
  pageToggle.textContent = readerOpen ? t('restore') : t('cleanPage');
}

// ——— Helpers ———

/**
 * Where the wait between opening the popup and the article's text goes: marks on this page's timeline
 * (`clarte:script`, `inject`, `injected`, `pipeline-start`/`-end` as the page timed them, `answered`,
 * `text-shown`), which `npm run bench` reads. The text's first paragraph carries `elementtiming` for its paint.
 */
function mark(name: string, startTime?: number): void {
  performance.mark(`clarte:${name}`, startTime === undefined ? undefined : { startTime });
}

function settle(content: HTMLElement): void {
  app.replaceChildren(content);
  app.removeAttribute('aria-busy');
  content.querySelector<HTMLElement>('button')?.focus();
}

function actionButton(label: string, onClick: () => unknown, variant?: 'primary'): HTMLButtonElement {
  const button = el('button', { type: 'button', class: variant ?? '' }, label);
  button.addEventListener('click', () => void onClick());
  return button;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The article's subheadings, to show those blocks of the text as headings (the text itself is unchanged). */
function headingTexts(parsed: Document): Set<string> {
  const headings = parsed.querySelectorAll('h1, h2, h3, h4, h5, h6');
  return new Set([...headings].map((heading) => collapse(heading.textContent ?? '')));
}

/**
 * The article's first picture, small, above the text: a new <img> with only its address, alt and size (the
 * article HTML itself is never put in the popup), loaded with no referrer from this extension page.
 */
function leadPicture(parsed: Document): HTMLImageElement | null {
  const first = parsed.querySelector('img[src^="https://"], img[src^="http://"]');
  if (!first) return null;
  const img = el('img', { class: 'lead-picture', src: first.getAttribute('src')!, alt: first.getAttribute('alt') ?? '', referrerpolicy: 'no-referrer', decoding: 'async' });
  for (const side of ['width', 'height']) {
    const value = first.getAttribute(side);
    if (value && /^\d+$/.test(value)) img.setAttribute(side, value);
  }
  return img;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
