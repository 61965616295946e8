// The bookkeeping of auto-clean against in-memory stand-ins for `permissions` and `scripting` (fakeBrowser has
// neither). The real APIs are exercised end to end in tests/e2e/autoclean.test.ts and tests/e2e/firefox.test.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONTENT_SCRIPT_FILE } from '../lib/messages';
import {
  completePendingAutoClean,
  disableAutoClean,
  enableAutoClean,
  isAutoCleanEnabled,
  registeredAutoCleanSites,
  syncAutoCleanRegistrations,
} from './auto-clean';
import { getAutoCleanSites, setAutoCleanSites } from './settings';

interface Registration {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: string;
  persistAcrossSessions?: boolean;
}

let granted: Set<string>;
let registered: Map<string, Registration>;
let requested: string[][];
/** What the user answers to the permission prompt. */
let userAccepts: boolean;
/** Host permissions the manifest holds (the e2e build's). */
let manifestHosts: string[];

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set();
  registered = new Map();
  requested = [];
  userAccepts = true;
  manifestHosts = [];
  // Like the browsers: duplicate ids and unknown ids are errors, answers are copies.
  Object.assign(fakeBrowser, {
    permissions: {
      request: async ({ origins = [] }: { origins?: string[] }) => {
        requested.push(origins);
        if (!userAccepts) return false;
        origins.forEach((origin) => granted.add(origin));
        return true;
      },
      contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((origin) => granted.has(origin)),
      remove: async ({ origins = [] }: { origins?: string[] }) => {
        if (origins.some((origin) => manifestHosts.includes(origin))) throw new Error('You cannot remove required permissions.');
        origins.forEach((origin) => granted.delete(origin));
        return true;
      },
    },
    scripting: {
      registerContentScripts: async (scripts: Registration[]) => {
        for (const script of scripts) {
          if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        }
        for (const script of scripts) registered.set(script.id, structuredClone(script));
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        for (const id of ids) if (!registered.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
        ids.forEach((id) => registered.delete(id));
      },
      getRegisteredContentScripts: async (filter?: { ids?: string[] }) =>
        [...registered.values()]
          .filter((script) => !filter?.ids || filter.ids.includes(script.id))
          .map((script) => structuredClone(script)),
    },
  });
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Clarté', version: '0', host_permissions: manifestHosts });
});

describe('enableAutoClean', () => {
  it('asks for that one site, remembers it and registers the content script for it only', async () => {
    expect(await enableAutoClean('https://www.rtl.fr/actu/sciences-tech/article-7777047138')).toBe(true);
    expect(requested).toEqual([['https://www.rtl.fr/*']]);
    expect(await getAutoCleanSites()).toEqual(['https://www.rtl.fr']);
    expect([...registered.values()]).toEqual([
      {
        id: 'auto-clean https://www.rtl.fr',
        matches: ['https://www.rtl.fr/*'],
        js: [CONTENT_SCRIPT_FILE],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    expect(await isAutoCleanEnabled('https://www.rtl.fr/')).toBe(true);
    expect(await isAutoCleanEnabled('https://www.lemonde.fr/')).toBe(false);
  });

  it('asks before anything else, so the click still counts as the user gesture', () => {
    void enableAutoClean('https://www.rtl.fr/x');
    // Called synchronously: no await ran before permissions.request.
    expect(requested).toEqual([['https://www.rtl.fr/*']]);
  });

  it('is finished by the background when the popup that asked is gone before the answer', async () => {
    // The popup's promise never settles: its page closed while the browser's prompt was open.
    fakeBrowser.permissions.request = ({ origins = [] }: { origins?: string[] }) => {
      requested.push(origins);
      return new Promise<boolean>(() => {});
    };
    void enableAutoClean('https://www.rtl.fr/x');
    // Let the popup's storage write finish (the user takes far longer to answer than that).
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The user accepts; the popup is gone, the background gets permissions.onAdded.
    granted.add('https://www.rtl.fr/*');
    await completePendingAutoClean(['https://www.rtl.fr/*']);
    expect(await getAutoCleanSites()).toEqual(['https://www.rtl.fr']);
    expect(await registeredAutoCleanSites()).toEqual(['https://www.rtl.fr']);
    // A permission added for any other reason turns nothing on.
    granted.add('https://www.lemonde.fr/*');
    await completePendingAutoClean(['https://www.lemonde.fr/*']);
    expect(await getAutoCleanSites()).toEqual(['https://www.rtl.fr']);
  });

  it('does nothing when the user refuses', async () => {
    userAccepts = false;
    expect(await enableAutoClean('https://www.rtl.fr/x')).toBe(false);
    expect(await getAutoCleanSites()).toEqual([]);
    expect(registered.size).toBe(0);
  });

  it('forgets the request when the browser refuses to ask (no user gesture)', async () => {
    fakeBrowser.permissions.request = async () => {
      throw new Error('permissions.request may only be called from a user input handler');
    };
    await expect(enableAutoClean('https://www.rtl.fr/x')).rejects.toThrow(/user input handler/);
    // Granted later by other means (the browser's settings): that does not turn auto-clean on.
    granted.add('https://www.rtl.fr/*');
    await completePendingAutoClean(['https://www.rtl.fr/*']);
    expect(await getAutoCleanSites()).toEqual([]);
  });

  it('does not apply to pages that are not http(s)', async () => {
    expect(await enableAutoClean('chrome://extensions/')).toBe(false);
    expect(await enableAutoClean('about:blank')).toBe(false);
    expect(requested).toEqual([]);
  });
});

describe('disableAutoClean', () => {
  it('unregisters the site and gives its permission back', async () => {
    await enableAutoClean('https://www.rtl.fr/x');
    await enableAutoClean('https://www.lemonde.fr/y');
    await disableAutoClean('https://www.rtl.fr');
    expect(await getAutoCleanSites()).toEqual(['https://www.lemonde.fr']);
    expect(await registeredAutoCleanSites()).toEqual(['https://www.lemonde.fr']);
    expect([...granted]).toEqual(['https://www.lemonde.fr/*']);
  });

  it('keeps a permission the manifest holds (browsers refuse to remove those)', async () => {
    manifestHosts = ['http://127.0.0.1/*'];
    granted.add('http://127.0.0.1/*');
    await enableAutoClean('http://127.0.0.1:4173/seed/');
    await disableAutoClean('http://127.0.0.1:4173/seed/');
    expect(await registeredAutoCleanSites()).toEqual([]);
    expect(granted.has('http://127.0.0.1/*')).toBe(true);
  });
});

describe('syncAutoCleanRegistrations', () => {
  it('drops a listed site whose permission was revoked', async () => {
    await enableAutoClean('https://www.rtl.fr/x');
    await enableAutoClean('https://www.lemonde.fr/y');
    granted.delete('https://www.rtl.fr/*');
    await syncAutoCleanRegistrations();
    expect(await getAutoCleanSites()).toEqual(['https://www.lemonde.fr']);
    expect(await registeredAutoCleanSites()).toEqual(['https://www.lemonde.fr']);
  });

  it('registers listed sites that lost their registration, replaces outdated ones, leaves other scripts alone', async () => {
    granted.add('https://a.example/*').add('https://b.example/*');
    await setAutoCleanSites(['https://a.example', 'https://b.example']);
    registered.set('auto-clean https://b.example', {
      id: 'auto-clean https://b.example',
      matches: ['https://b.example/*'],
      js: ['content-scripts/old-name.js'],
    });
    registered.set('someone-else', { id: 'someone-else', matches: ['https://c.example/*'], js: ['x.js'] });
    await syncAutoCleanRegistrations();
    expect(await registeredAutoCleanSites()).toEqual(['https://a.example', 'https://b.example']);
    expect(registered.get('auto-clean https://b.example')?.js).toEqual([CONTENT_SCRIPT_FILE]);
    expect(registered.has('someone-else')).toBe(true);
  });

  it('unregisters sites no longer listed', async () => {
    await enableAutoClean('https://www.rtl.fr/x');
    await setAutoCleanSites([]);
    await syncAutoCleanRegistrations();
    expect(registered.size).toBe(0);
  });

  it('tolerates running twice at once (popup and background both reacting)', async () => {
    granted.add('https://www.rtl.fr/*');
    await setAutoCleanSites(['https://www.rtl.fr']);
    await Promise.all([syncAutoCleanRegistrations(), syncAutoCleanRegistrations()]);
    expect(await registeredAutoCleanSites()).toEqual(['https://www.rtl.fr']);
  });
});
