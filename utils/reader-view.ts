// The reader view shown in the tab: the clean article inside a closed shadow root on its own host element, so
// the page's CSS does not reach in, ours does not leak out, and the page's scripts cannot reach the content.
import { browser } from 'wxt/browser';
import { formatArticleDate } from '../lib/article-date';
import { largestSrcsetUrl } from '../lib/picture-urls';
import type { CleanResult } from '../lib/types';
import { applyReaderPrefs, readerSettingsControls } from './reader-settings';
import { readAloud } from './read-aloud';
import { clampToRange, READER_FONT_SIZE, type ReadAloudPrefs, type ReaderPrefs } from './settings';
import { uiLocale } from './ui-locale';
import { button, element } from './elements';
import readerCss from './reader-view.css?inline';
import themesCss from './reader-themes.css?inline';

export interface ReaderActions {
  restore(): void;
  /** Called after each change the user makes with the toolbar, to remember it. */
  savePrefs(prefs: ReaderPrefs): void;
  /** Where the reader left this article last time (a block index, 0: the top). */
  savedBlock: number;
  /** Called when the reading position changes (debounced) and when the reader closes. */
  savePosition(block: number): void;
  /** Read aloud's speed, voices and "follow", as saved. */
  readAloudPrefs: ReadAloudPrefs;
  saveReadAloudPrefs(prefs: ReadAloudPrefs): void;
}

/** The custom element name of the host: no page rule aimed at ordinary elements matches it. */
export const READER_HOST_TAG = 'clarte-reader';

export interface ReaderView {
  /** The element to put in the page; everything else is inside its closed shadow root. */
  host: HTMLElement;
  /** Puts keyboard focus on the article, so Space and the arrow keys scroll it, and returns to the saved position. */
  focus(): void;
  /** Saves the position; call before taking the view out of the page. */
  close(): void;
}

/**
 * Builds the reader view for `article` (its host not yet in the document). `sanitized` is the pipeline's
 * sanitized article (CleanOptions.sanitizedArticle), whose serialization is `article.html`: the view shows copies
 * of its nodes. Nothing is serialized and parsed again on the way, which is where mutation XSS would get in, and
 * `sanitized` stays untouched for the next time the view is shown.
 */
export function buildReaderView(
  doc: Document,
  article: CleanResult,
  sanitized: Element,
  initialPrefs: ReaderPrefs,
  actions: ReaderActions,
): ReaderView {
  const content = doc.createDocumentFragment();
  for (const node of sanitized.childNodes) content.append(doc.importNode(node, true));
  linkPictures(content);

  const host = doc.createElement(READER_HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = themesCss + readerCss;

  const uiLanguage = uiLocale();
  const reader = element(doc, 'div', { class: 'reader' });
  const prefs = { ...initialPrefs };
  const settings = readerSettingsControls(doc, prefs, (final) => {
    applyReaderPrefs(reader, prefs);
    if (final) actions.savePrefs({ ...prefs });
  });
  const resize = (by: number) => {
    prefs.fontSize = clampToRange(prefs.fontSize + by, READER_FONT_SIZE);
    settings.sync();
    applyReaderPrefs(reader, prefs);
    actions.savePrefs({ ...prefs });
  };
  applyReaderPrefs(reader, prefs);

  // Toolbar, in the UI language.
  const toolbar = element(doc, 'div', {
    class: 'toolbar',
    role: 'toolbar',
    lang: uiLanguage,
    'aria-label': browser.i18n.getMessage('readerToolbarLabel'),
  });
  const textGroup = element(doc, 'div', { class: 'group' });
  textGroup.append(
    button(doc, 'A−', browser.i18n.getMessage('readerSmaller'), () => resize(-READER_FONT_SIZE.step)),
    button(doc, 'A+', browser.i18n.getMessage('readerLarger'), () => resize(READER_FONT_SIZE.step)),
  );
  const top = element(doc, 'div', { class: 'top' });
  const main = element(doc, 'article', {
    tabindex: '-1',
    'aria-label': browser.i18n.getMessage('readerLabel'),
    dir: article.dir ?? 'auto',
    ...(article.lang ? { lang: article.lang } : {}),
  });
  const speech = readAloud(main, article.lang || uiLanguage, { ...actions.readAloudPrefs },
    actions.saveReadAloudPrefs, host, top);
  const panel = settingsPanel(doc, settings.element, speech.settings, speech.listVoices);
  const restoreButton = button(doc, browser.i18n.getMessage('restore'), null, () => actions.restore());
  restoreButton.classList.add('restore');
  // The panel right after its button in the focus order; CSS shows it as a row under the toolbar.
  toolbar.append(textGroup, panel.toggle, panel.element, speech.controls, restoreButton);
  top.append(toolbar);
  // N plays or pauses read aloud, as in Firefox's Reader View; not while typing in a setting.
  reader.addEventListener('keydown', (event) => {
    const target = event.target as Element;
    if (event.key.toLowerCase() !== 'n' || event.ctrlKey || event.metaKey || event.altKey
      || target.closest('input, select, textarea')) return;
    event.preventDefault();
    speech.toggle();
  });

  // The article, in its own language and direction.
  const date = formatArticleDate(article.publishedTime, uiLanguage);
  const site = [article.siteName, date].filter(Boolean).join(' · ');
  if (site) main.append(textElement(doc, 'p', 'site', site));
  if (article.title) main.append(textElement(doc, 'h1', 'title', article.title));
  if (article.byline) main.append(textElement(doc, 'p', 'byline', article.byline));
  if (article.readingMinutes > 0) {
    main.append(textElement(doc, 'p', 'reading-time',
      browser.i18n.getMessage('readingTime', String(article.readingMinutes))));
  }
  const body = element(doc, 'div', { class: 'content' });
  body.append(content);
  main.append(body);

  reader.append(top, main);
  root.append(style, reader);
  const aids = readingAids(doc, host, main, body, article.readingMinutes, top, actions);
  return {
    host,
    focus: () => {
      main.focus({ preventScroll: true });
      aids.resume();
    },
    close() {
      speech.stop();
      aids.close();
    },
  };
}

/** Blocks a reading position counts in, in reading order. */
const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, figure, table';

/**
 * The outline (three subheadings or more), the progress bar, the time left, and "where I left off": the first
 * block in view is the position, saved a moment after scrolling stops and when the reader closes.
 */
function readingAids(
  doc: Document,
  host: HTMLElement,
  main: HTMLElement,
  body: HTMLElement,
  minutes: number,
  top: HTMLElement,
  actions: ReaderActions,
) {
  const blocks = [...body.querySelectorAll<HTMLElement>(BLOCKS)];
  const headings = [...body.querySelectorAll<HTMLElement>('h2, h3')];
  const progress = element(doc, 'div', { class: 'progress', 'aria-hidden': 'true' });
  const left = element(doc, 'span', { class: 'left' });
  top.querySelector('.toolbar')!.prepend(left);
  top.append(progress);

  const entries: HTMLButtonElement[] = [];
  if (headings.length >= 3) {
    const label = browser.i18n.getMessage('outlineLabel');
    const nav = element(doc, 'nav', { class: 'outline', 'aria-label': label });
    const details = element(doc, 'details');
    const summary = element(doc, 'summary');
    summary.textContent = label;
    const list = element(doc, 'ol');
    for (const heading of headings) {
      heading.tabIndex = -1;
      const entry = button(doc, heading.textContent ?? '', null, () => {
        heading.scrollIntoView({ block: 'start' });
        heading.focus({ preventScroll: true });
      });
      const item = element(doc, 'li', { class: heading.localName });
      item.append(entry);
      list.append(item);
      entries.push(entry);
    }
    details.append(summary, list);
    nav.append(details);
    body.before(nav);
  }

  const barHeight = () => top.getBoundingClientRect().bottom;
  const firstInView = () => {
    const limit = barHeight();
    const index = blocks.findIndex((block) => block.getBoundingClientRect().bottom > limit);
    return Math.max(0, index);
  };
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  const update = () => {
    frame = 0;
    const range = host.scrollHeight - host.clientHeight;
    const done = range > 0 ? Math.min(1, host.scrollTop / range) : 1;
    progress.style.setProperty('--done', String(done));
    left.textContent = minutes > 0
      ? browser.i18n.getMessage('timeLeft', String(Math.ceil(minutes * (1 - done)))) : '';
    // The section being read: the last one whose heading has reached the top third of the view.
    const limit = barHeight() + host.clientHeight / 3;
    const current = headings.findLastIndex((heading) => heading.getBoundingClientRect().top <= limit);
    entries.forEach((entry, index) => index === current
      ? entry.setAttribute('aria-current', 'location') : entry.removeAttribute('aria-current'));
  };
  const onScroll = () => {
    if (!frame) frame = requestAnimationFrame(update);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => actions.savePosition(firstInView()), 500);
  };
  host.addEventListener('scroll', onScroll);

  return {
    resume() {
      const saved = blocks[actions.savedBlock];
      if (actions.savedBlock > 0 && saved) {
        saved.scrollIntoView({ block: 'start' });
        const notice = element(doc, 'p', { class: 'resumed', role: 'status' });
        notice.textContent = `${browser.i18n.getMessage('resumed')} `;
        notice.append(button(doc, browser.i18n.getMessage('backToTop'), null, () => {
          host.scrollTop = 0;
          notice.remove();
          main.focus({ preventScroll: true });
        }));
        top.append(notice);
      }
      update();
    },
    close() {
      clearTimeout(saveTimer);
      host.removeEventListener('scroll', onScroll);
      actions.savePosition(firstInView());
    },
  };
}

/**
 * The display and read-aloud settings behind a toolbar button (a disclosure: Escape closes it and gives focus back
 * to the button). Opening it lists the voices: the speech engine is not asked before.
 */
function settingsPanel(
  doc: Document,
  controls: HTMLElement,
  speechControls: HTMLElement,
  onOpen: () => void,
): { toggle: HTMLButtonElement; element: HTMLElement } {
  const label = browser.i18n.getMessage('readerSettingsLabel');
  const panel = element(doc, 'div', { class: 'panel', id: 'clarte-settings', role: 'group', 'aria-label': label });
  panel.hidden = true;
  panel.append(controls, speechControls);
  const toggle = button(doc, 'Aa', label, () => show(panel.hidden));
  toggle.setAttribute('aria-controls', panel.id);
  toggle.setAttribute('aria-expanded', 'false');
  const show = (open: boolean) => {
    panel.hidden = !open;
    if (open) onOpen();
    toggle.setAttribute('aria-expanded', String(open));
  };
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    show(false);
    toggle.focus();
  });
  return { toggle, element: panel };
}

/**
 * Pictures load from the article's own addresses only, with no referrer, each with an alt (empty when the page
 * gave none) and, on click, the full-size picture (the largest of its srcset) in a new tab.
 */
function linkPictures(content: DocumentFragment): void {
  for (const img of content.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (!/^(?:https?:\/\/|data:image\/)/i.test(src)) {
      img.remove();
      continue;
    }
    img.setAttribute('referrerpolicy', 'no-referrer');
    img.setAttribute('decoding', 'async');
    if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
    if (img.closest('a') || src.startsWith('data:')) continue;
    const link = img.ownerDocument.createElement('a');
    link.href = largestSrcsetUrl(img.getAttribute('srcset') ?? '') ?? src;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.className = 'picture-link';
    img.replaceWith(link);
    link.append(img);
  }
}

function textElement(doc: Document, tag: 'p' | 'h1', className: string, text: string): HTMLElement {
  const node = element(doc, tag, { class: className });
  node.textContent = text;
  return node;
}
