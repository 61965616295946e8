// Automatic cleaning on the news sites the user chose: one optional host permission and one runtime-registered
// content script per site, never a script for all sites. The settings list (`autoCleanSites`) is what the user
// asked for; the registrations follow it, and a site whose permission is gone is dropped from it.
import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_FILE } from '../lib/messages';
import { addAutoCleanSite, getAutoCleanSites, removeAutoCleanSite, setAutoCleanSites, siteOrigin } from './settings';

/** Registration ids; the registered script is the on-demand one, which checks `isArticle` itself. */
const SCRIPT_ID_PREFIX = 'auto-clean ';

/** `https://www.rtl.fr` → `https://www.rtl.fr/*` (the permission and the registration's match pattern). */
export const sitePattern = (site: string): string => `${site}/*`;
const scriptId = (site: string): string => SCRIPT_ID_PREFIX + site;

/**
 * Sites whose permission was asked for and not yet answered. The popup that asked may be gone by the time the
 * user answers (a popup closes when the browser's prompt takes the focus), so the background, told by
 * `permissions.onAdded`, finishes the job (`completePendingAutoClean`). Session storage: a restart forgets it.
 */
const PENDING_KEY = 'autoCleanPending';
const getPendingSites = async (): Promise<string[]> =>
  ((await browser.storage.session.get(PENDING_KEY))[PENDING_KEY] as string[] | undefined) ?? [];
const setPendingSites = (sites: string[]): Promise<void> => browser.storage.session.set({ [PENDING_KEY]: sites });
const clearPendingSites = (): Promise<void> => browser.storage.session.remove(PENDING_KEY);

/**
 * Turns auto-clean on for the site of `pageUrl`. Call it directly from the click handler: the permission
 * prompt needs the user gesture, so nothing is awaited before `permissions.request`. Resolves to whether
 * auto-clean is now on (false when the user refused or the page is not an http(s) page).
 */
export function enableAutoClean(pageUrl: string): Promise<boolean> {
  const site = siteOrigin(pageUrl);
  if (!site) return Promise.resolve(false);
  // Started, not awaited: the request must be made in this same turn to keep the click's user gesture.
  const noted = setPendingSites([site]);
  const answer = browser.permissions.request({ origins: [sitePattern(site)] });
  return Promise.all([answer, noted]).then(
    async ([granted]) => {
      if (!granted) {
        await clearPendingSites();
        return false;
      }
      await completeAutoClean([site]);
      return true;
    },
    async (error: unknown) => {
      // No prompt was shown (e.g. not called from a click): nothing is waiting for an answer.
      await clearPendingSites();
      throw error;
    },
  );
}

/** Background, on `permissions.onAdded`: the asked-for sites among `addedOrigins` get auto-clean. */
export async function completePendingAutoClean(addedOrigins: string[]): Promise<void> {
  const pending = await getPendingSites();
  const granted = pending.filter((site) => addedOrigins.includes(sitePattern(site)));
  if (granted.length) await completeAutoClean(granted);
}

async function completeAutoClean(sites: string[]): Promise<void> {
  const pending = await getPendingSites();
  await setPendingSites(pending.filter((site) => !sites.includes(site)));
  for (const site of sites) await addAutoCleanSite(site);
  await syncAutoCleanRegistrations();
}

/** Turns auto-clean off for the site of `pageUrl` (or a site from the list): unregisters and gives back the permission. */
export async function disableAutoClean(pageUrl: string): Promise<void> {
  const site = siteOrigin(pageUrl);
  if (!site) return;
  await removeAutoCleanSite(site);
  await syncAutoCleanRegistrations();
  await releasePermission(site);
}

export async function isAutoCleanEnabled(pageUrl: string): Promise<boolean> {
  const site = siteOrigin(pageUrl);
  return site !== null && (await getAutoCleanSites()).includes(site);
}

// Permissions the manifest holds for good (the e2e build's 127.0.0.1) cannot be removed: browsers refuse.
async function releasePermission(site: string): Promise<void> {
  const required = browser.runtime.getManifest().host_permissions ?? [];
  if (required.includes(sitePattern(site))) return;
  await browser.permissions.remove({ origins: [sitePattern(site)] });
}

/**
 * Makes the registered content scripts match the settings: drops listed sites whose permission was revoked,
 * registers the missing ones, unregisters the ones no longer listed. Safe to run at any time and from any
 * extension page (each step tolerates another context having done it first).
 */
export async function syncAutoCleanRegistrations(): Promise<void> {
  const listed = await getAutoCleanSites();
  const permitted: string[] = [];
  for (const site of listed) {
    if (await browser.permissions.contains({ origins: [sitePattern(site)] })) permitted.push(site);
  }
  if (permitted.length !== listed.length) await setAutoCleanSites(permitted);

  const ours = (await browser.scripting.getRegisteredContentScripts()).filter((script) =>
    script.id.startsWith(SCRIPT_ID_PREFIX),
  );
  const upToDate = (script: (typeof ours)[number]) => {
    const site = script.id.slice(SCRIPT_ID_PREFIX.length);
    return (
      permitted.includes(site) &&
      script.matches?.length === 1 &&
      script.matches[0] === sitePattern(site) &&
      script.js?.length === 1 &&
      script.js[0] === CONTENT_SCRIPT_FILE
    );
  };
  const stale = ours.filter((script) => !upToDate(script)).map((script) => script.id);
  if (stale.length) await unregister(stale);

  const kept = new Set(ours.filter(upToDate).map((script) => script.id));
  for (const site of permitted) {
    if (!kept.has(scriptId(site))) await register(site);
  }
}

async function register(site: string): Promise<void> {
  const id = scriptId(site);
  try {
    await browser.scripting.registerContentScripts([
      {
        id,
        matches: [sitePattern(site)],
        js: [CONTENT_SCRIPT_FILE],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } catch (error) {
    // Another extension context registered it meanwhile: that is the state we want.
    if ((await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length === 0) throw error;
  }
}

async function unregister(ids: string[]): Promise<void> {
  try {
    await browser.scripting.unregisterContentScripts({ ids });
  } catch (error) {
    if ((await browser.scripting.getRegisteredContentScripts({ ids })).length > 0) throw error;
  }
}

/** The sites currently registered for auto-clean (what the browser will actually inject into). */
export async function registeredAutoCleanSites(): Promise<string[]> {
  return (await browser.scripting.getRegisteredContentScripts())
    .filter((script) => script.id.startsWith(SCRIPT_ID_PREFIX))
    .map((script) => script.id.slice(SCRIPT_ID_PREFIX.length))
    .sort();
}
