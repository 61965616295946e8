import { defineConfig } from 'wxt';

// One source for Chrome MV3 and Firefox; Firefox-only keys are added per target so Chrome's manifest stays clean.
export default defineConfig({
  manifest: ({ browser, mode }) => ({
    name: 'Clarté',
    description: 'Turns a cluttered news page into the article you came to read.',
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // The e2e build differs only here: tests cannot click the toolbar button, so activeTab is never granted.
    host_permissions: mode === 'e2e' ? ['http://127.0.0.1/*', 'http://localhost/*'] : [],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'clarte@clarte.app', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
