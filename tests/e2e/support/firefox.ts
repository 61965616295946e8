// Launches Firefox ESR with the built e2e extension, driven by puppeteer-core over WebDriver BiDi (see
// /work/shared/toolchain.md): a fresh profile, no network beyond loopback, a fixed extension UUID so extension
// pages have a known address.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BROWSERS } from './browsers.mjs';
import type { SpeechHome } from './speech';

export const FIREFOX_BUILD_DIR = resolve(process.cwd(), '.output/firefox-mv3-e2e');
/** The extension's internal UUID, fixed through `extensions.webextensions.uuids`. */
export const FIREFOX_EXTENSION_UUID = '3f4bd7a0-6a53-4c4e-9a3c-5e0c1a2b7d11';

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** `moz-extension://<uuid>/<path>` */
  extensionUrl(path: string): string;
  /**
   * An open tab showing an extension page of ours (BiDi refuses to navigate to moz-extension URLs, so the
   * extension must open it itself: the options page opens on install, and it can `tabs.create` others).
   */
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** UI language (`intl.locale.requested`), e.g. `fr` or `en`. */
  lang?: string;
  /** Real voices: speech-dispatcher started in this home. */
  speech?: SpeechHome;
}

function readE2eManifest(): { browser_specific_settings: { gecko: { id: string } } } {
  const manifestPath = resolve(FIREFOX_BUILD_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No extension build at ${FIREFOX_BUILD_DIR}: run \`npx wxt build -b firefox --mode e2e\` first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (!manifest.host_permissions?.includes('http://127.0.0.1/*')) {
    throw new Error(`${manifestPath} is not the e2e build: run \`npx wxt build -b firefox --mode e2e\`.`);
  }
  return manifest;
}

// Prefs that keep Firefox from reaching anything but loopback (updates, telemetry, safe browsing, captive portal,
// remote settings, new-tab content) and from showing first-run pages.
const OFFLINE_PREFS: Record<string, unknown> = {
  'app.update.enabled': false,
  'app.normandy.enabled': false,
  'browser.aboutwelcome.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.search.update': false,
  'captivedetect.canonicalURL': '',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
};

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionBrowser> {
  const geckoId = readE2eManifest().browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: BROWSERS.firefox,
    headless: true,
    ...(options.speech ? { env: { ...process.env, ...options.speech.env } } : {}),
    // CLARTE_FIREFOX_LOG=1 prints Firefox's output, extension consoles included, when a test needs debugging.
    dumpio: Boolean(process.env.CLARTE_FIREFOX_LOG),
    extraPrefsFirefox: {
      ...(process.env.CLARTE_FIREFOX_LOG ? { 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true } : {}),
      ...OFFLINE_PREFS,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
      'intl.locale.requested': options.lang ?? 'en',
    },
  });
  try {
    await browser.installExtension(FIREFOX_BUILD_DIR);
    const extensionUrl = (path: string) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${path.replace(/^\//, '')}`;

    const extensionPage = async (path: string): Promise<Page> => {
      const url = extensionUrl(path);
      // Puppeteer keeps reporting `about:blank` for tabs the extension navigated, so ask each page where it is.
      for (let attempt = 0; attempt < 100; attempt++) {
        for (const page of await browser.pages()) {
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.startsWith(url)) return page;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`No open tab shows ${url}`);
    };

    return { browser, extensionUrl, extensionPage, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
