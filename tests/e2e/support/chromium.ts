// Launches Debian's Chromium with the built e2e extension (see /work/shared/toolchain.md): a fresh profile each
// time, no network beyond loopback, the extension id read from its service worker.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { browser as ExtensionApi } from 'wxt/browser';

// Functions passed to `serviceWorker.evaluate` run inside the extension, where `chrome` is the extension API.
declare const chrome: typeof ExtensionApi;

/** Where `npx wxt build --mode e2e` writes the Chrome build (WXT suffixes the mode). */
export const CHROME_BUILD_DIR = resolve(process.cwd(), '.output/chrome-mv3-e2e');

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's service worker: `evaluate` there calls `chrome.*` like the extension itself. */
  serviceWorker: Worker;
  extensionId: string;
  /** `chrome-extension://<id>/<path>` */
  extensionUrl(path: string): string;
  /** The `chrome.tabs` id of an open page (matched by URL; the URL must be unique among open tabs). */
  tabIdOf(page: Page): Promise<number>;
  /** Opens `url` in a new tab from the extension (any page, `chrome://` ones included) and gives its tab id. */
  createTab(url: string): Promise<number>;
  /** Opens `popup.html?tab=<tabId>` in a new tab, as tests and the "open in a tab" link do. */
  openPopupFor(tabId: number): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** UI language, e.g. `fr` or `en` (passed as `--lang` and LANGUAGE/LANG, which is what chrome.i18n follows). */
  lang?: string;
  /** Grant clipboard read/write so a test can read what Copy wrote. */
  clipboard?: boolean;
}

const LOCALE_ENV: Record<string, string> = { fr: 'fr_FR.UTF-8', en: 'en_US.UTF-8' };

function assertE2eBuild(): void {
  const manifestPath = join(CHROME_BUILD_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No extension build at ${CHROME_BUILD_DIR}: run \`npx wxt build --mode e2e\` first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  if (!manifest.host_permissions?.includes('http://127.0.0.1/*')) {
    throw new Error(`${manifestPath} is a production build: run \`npx wxt build --mode e2e\` before the e2e tests.`);
  }
}

export async function launchChromiumWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  assertE2eBuild();
  const workDir = await mkdtemp(join(tmpdir(), 'clarte-chromium-'));
  const profileDir = join(workDir, 'profile');
  // Chromium reads extension files lazily: a copy keeps this run safe from a rebuild of .output meanwhile.
  const extensionDir = join(workDir, 'extension');
  await cp(CHROME_BUILD_DIR, extensionDir, { recursive: true });
  const lang = options.lang ?? 'en';
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, LANGUAGE: lang, LANG: LOCALE_ENV[lang] ?? `${lang}.UTF-8` },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--lang=${lang}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Fixture pages still name their original image and script hosts: resolve nothing but loopback.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
  try {
    if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(serviceWorker.url()).host;
    const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;

    const tabIdOf = async (page: Page): Promise<number> => {
      const url = page.url();
      const ids = await serviceWorker.evaluate(
        async (wanted) => (await chrome.tabs.query({})).filter((tab) => tab.url === wanted).map((tab) => tab.id),
        url,
      );
      if (ids.length !== 1 || typeof ids[0] !== 'number') {
        throw new Error(`Expected one tab at ${url}, found ${ids.length}`);
      }
      return ids[0];
    };

    const createTab = async (url: string): Promise<number> => {
      const id = await serviceWorker.evaluate(async (address) => (await chrome.tabs.create({ url: address })).id, url);
      if (typeof id !== 'number') throw new Error(`No tab id for ${url}`);
      return id;
    };

    const openPopupFor = async (tabId: number): Promise<Page> => {
      const popup = await context.newPage();
      await popup.goto(extensionUrl(`popup.html?tab=${tabId}`));
      return popup;
    };

    return {
      context,
      serviceWorker,
      extensionId,
      extensionUrl,
      tabIdOf,
      createTab,
      openPopupFor,
      close: async () => {
        await context.close();
        await rm(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}
