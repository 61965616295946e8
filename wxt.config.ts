import { defineConfig } from 'wxt';

// One source for Chrome MV3 and Firefox; Firefox-only keys are added per target so Chrome's manifest stays clean.
export default defineConfig({
  // MV3 for Firefox too: the same manifest and code path as Chrome (`optional_host_permissions`, `action`,
  // `scripting.registerContentScripts`), all supported by Firefox ESR; WXT would otherwise build Firefox MV2.
  manifestVersion: 3,
  manifest: ({ browser, mode }) => ({
    name: 'Clarté',
    description: 'Turns a cluttered news page into the article you came to read.',
    default_locale: 'en', // UI strings: public/_locales/{en,fr}
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // The e2e build differs only here: tests cannot click the toolbar button, so activeTab is never granted.
    host_permissions: mode === 'e2e' ? ['http://127.0.0.1/*', 'http://localhost/*'] : [],
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandToggleReader__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'clarte@clarte.app', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
