// Launches Debian's Chromium with the built e2e extension (see /work/shared/toolchain.md): a fresh profile each
// time, no network beyond loopback, the extension id read from its service worker.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { browser as ExtensionApi } from 'wxt/browser';
import { BROWSERS } from './browsers.mjs';
import type { SpeechHome } from './speech';

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
  /**
   * Opens the real toolbar popup for `page` (made the active tab) with `chrome.action.openPopup()`, as a click
   * on the toolbar button does. Playwright does not list popups as pages: it is driven over DevTools.
   */
  openToolbarPopup(page: Page): Promise<ToolbarPopup>;
  /** Opens `popup.html?tab=<tabId>` in a new tab, as tests and the "open in a tab" link do. */
  openPopupFor(tabId: number): Promise<Page>;
  close(): Promise<void>;
}

export interface ToolbarPopup {
  /**
   * When the extension asked for the popup (`chrome.action.openPopup()`, as a toolbar click), as
   * `performance.timeOrigin + performance.now()` in the service worker: comparable with the popup's own times.
   */
  openedAt: number;
  /** Evaluates `expression` in the popup (promises awaited) and gives back its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** UI language, e.g. `fr` or `en` (passed as `--lang` and LANGUAGE/LANG, which is what chrome.i18n follows). */
  lang?: string;
  /** Grant clipboard read/write so a test can read what Copy wrote. */
  clipboard?: boolean;
  /** Real voices: speech-dispatcher (off by default in Chromium) started in this home; the UI is English. */
  speech?: SpeechHome;
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
    executablePath: BROWSERS.chromium,
    headless: true,
    env: {
      ...process.env,
      LANGUAGE: lang,
      LANG: LOCALE_ENV[lang] ?? `${lang}.UTF-8`,
      // Chromium's speech-dispatcher client fails every utterance ('synthesis-failed') under a locale the machine
      // does not have, as fr_FR and en_US are not on a bare Debian: speak under C.UTF-8, which is always there
      // (the UI is then English).
      ...(options.speech ? { ...options.speech.env, LANG: 'C.UTF-8' } : {}),
    },
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
      ...(options.speech ? ['--enable-speech-dispatcher'] : []),
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

    const openToolbarPopup = async (page: Page): Promise<ToolbarPopup> => {
      await page.bringToFront();
      const cdp = await context.newCDPSession(page);
      const popupUrl = extensionUrl('popup.html');
      await cdp.send('Target.setDiscoverTargets', { discover: true });
      // The popup's target appears with an empty URL, then gets the popup's: watch both events.
      const created = new Promise<string>((resolveTarget) => {
        const check = ({ targetInfo }: { targetInfo: { url: string; targetId: string } }) => {
          if (targetInfo.url.startsWith(popupUrl)) resolveTarget(targetInfo.targetId);
        };
        cdp.on('Target.targetCreated', check);
        cdp.on('Target.targetInfoChanged', check);
      });
      const openedAt = await serviceWorker.evaluate(async () => {
        const at = performance.timeOrigin + performance.now();
        await chrome.action.openPopup();
        return at;
      });
      const targetId = await created;
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
      let nextId = 0;
      const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
      cdp.on('Target.receivedMessageFromTarget', (event) => {
        if (event.sessionId !== sessionId) return;
        const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
        const waiting = reply.id === undefined ? undefined : pending.get(reply.id);
        if (!waiting) return;
        pending.delete(reply.id!);
        if (reply.error) waiting.reject(new Error(reply.error.message));
        else waiting.resolve(reply.result);
      });
      const send = <T>(method: string, params: object): Promise<T> => {
        nextId += 1;
        const id = nextId;
        const reply = new Promise<T>((resolveReply, reject) => {
          pending.set(id, { resolve: (value) => resolveReply(value as T), reject });
        });
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
        return reply;
      };
      return {
        openedAt,
        evaluate: async <T>(expression: string) => {
          const { result, exceptionDetails } = await send<{
            result: { value?: unknown };
            exceptionDetails?: { text: string; exception?: { description?: string } };
          }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
          if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
          return result.value as T;
        },
        screenshot: async (path: string) => {
          // The whole document: headless Chromium may give the popup a smaller window than a desktop would.
          const { cssContentSize } = await send<{ cssContentSize: { width: number; height: number } }>(
            'Page.getLayoutMetrics',
            {},
          );
          const { data } = await send<{ data: string }>('Page.captureScreenshot', {
            format: 'png',
            captureBeyondViewport: true,
            clip: { x: 0, y: 0, width: cssContentSize.width, height: cssContentSize.height, scale: 1 },
          });
          await writeFile(path, Buffer.from(data, 'base64'));
        },
        close: async () => {
          await cdp.send('Target.closeTarget', { targetId });
          await cdp.detach();
        },
      };
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
      openToolbarPopup,
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
