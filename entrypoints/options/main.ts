// Options page: the auto-clean sites (remove one → registration and permission go too), the default for
// copying, the reader view's display settings with a live preview, read aloud's, and the keyboard shortcut as the
// browser has it.
import { browser } from 'wxt/browser';
import { disableAutoClean } from '@/utils/auto-clean';
import { readAloudSettings } from '@/utils/read-aloud';
import { applyReaderPrefs, readerSettingsControls } from '@/utils/reader-settings';
import {
  COPY_FORMATS,
  countReadingPositions,
  forgetReadingPositions,
  getAutoCleanSites,
  getCopyFormat,
  getReadAloudPrefs,
  getReaderPrefs,
  setCopyFormat,
  setReadAloudPrefs,
  setReaderPrefs,
  watchAutoCleanSites,
  type CopyFormat,
} from '@/utils/settings';
import '@/utils/reader-themes.css';
import { TOGGLE_READER_COMMAND } from '@/utils/page-actions';

type MessageName = Parameters<typeof browser.i18n.getMessage>[0];
const t = (key: MessageName, substitution?: string) => browser.i18n.getMessage(key, substitution);

function translatePage(): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n as MessageName);
  }
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function showShortcut(): Promise<void> {
  const command = (await browser.commands.getAll()).find(({ name }) => name === TOGGLE_READER_COMMAND);
  byId('shortcut').textContent = command?.shortcut
    ? t('optionsShortcut', command.shortcut)
    : t('optionsShortcutUnset');
}

/** `https://www.rtl.fr` → `www.rtl.fr`; a plain-http site keeps its scheme, which the user should see. */
function siteLabel(site: string): string {
  return site.startsWith('https://') ? site.slice('https://'.length) : site;
}

async function showSites(): Promise<void> {
  const sites = await getAutoCleanSites();
  const list = byId<HTMLUListElement>('sites');
  list.replaceChildren(
    ...sites.map((site) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = siteLabel(site);
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = t('optionsRemoveSite');
      remove.setAttribute('aria-label', t('optionsRemoveSiteLabel', siteLabel(site)));
      remove.dataset.site = site;
      remove.addEventListener('click', async () => {
        remove.disabled = true;
        await disableAutoClean(site);
        await showSites();
        // Keep keyboard users in the list rather than dropping focus on <body>.
        (list.querySelector('button') ?? byId('sites-heading')).focus();
      });
      item.append(name, remove);
      return item;
    }),
  );
  byId('sites-empty').hidden = sites.length > 0;
}

function bindRadios<T extends string>(
  name: string,
  allowed: readonly T[],
  current: T,
  save: (value: T) => Promise<void>,
): void {
  for (const input of document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) {
    input.checked = input.value === current;
    input.addEventListener('change', async () => {
      if (!input.checked || !allowed.includes(input.value as T)) return;
      await save(input.value as T);
      showSaved();
    });
  }
}

const showSaved = () => (byId('saved').textContent = t('optionsSaved'));

/** The same controls as the reader view's Aa panel; the preview follows every move, storage every choice. */
async function showReaderSettings(): Promise<void> {
  const prefs = await getReaderPrefs();
  let saved = { ...prefs };
  const preview = byId('preview');
  preview.lang = document.documentElement.lang;
  const controls = readerSettingsControls(document, prefs, (final) => {
    applyReaderPrefs(preview, prefs);
    // "Saved." stands for the value shown: it goes while a slider moves, and comes back once it is stored.
    byId('saved').textContent = '';
    if (!final) return;
    void setReaderPrefs(prefs, saved).then(showSaved);
    saved = { ...prefs };
  });
  applyReaderPrefs(preview, prefs);
  byId('reader-settings').append(controls.element);
}

/** Read aloud's speed, "follow", and the voice for the reader's own language. */
async function showReadAloudSettings(): Promise<void> {
  const prefs = await getReadAloudPrefs();
  const settings = readAloudSettings(document, browser.i18n.getUILanguage(), prefs, () => {
    void setReadAloudPrefs(prefs).then(showSaved);
  });
  byId('read-aloud-settings').append(settings.element);
  settings.listVoices();
}

async function showReadingPositions(): Promise<void> {
  const count = await countReadingPositions();
  byId('positions-count').textContent = t('optionsPositionsCount', String(count));
  byId<HTMLButtonElement>('forget-positions').disabled = count === 0;
}

async function main(): Promise<void> {
  byId('forget-positions').addEventListener('click', async () => {
    await forgetReadingPositions();
    await showReadingPositions();
    showSaved();
  });
  translatePage();
  bindRadios<CopyFormat>('copy-format', COPY_FORMATS, await getCopyFormat(), setCopyFormat);
  await Promise.all([showShortcut(), showSites(), showReaderSettings(), showReadAloudSettings(), showReadingPositions()]);
  // The popup can add a site while this page is open.
  watchAutoCleanSites(() => void showSites());
  document.body.dataset.ready = 'true';
}

void main();
