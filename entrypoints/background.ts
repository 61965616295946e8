// Background (Chrome service worker, Firefox event page): keyboard shortcut, context menus, and keeping the
// auto-clean registrations in step with the settings and the permissions the user holds.
import { browser } from 'wxt/browser';
import { completePendingAutoClean, syncAutoCleanRegistrations } from '@/utils/auto-clean';
import { createContextMenus, handleCommand, handleMenuClick } from '@/utils/page-actions';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void createContextMenus();
    void syncAutoCleanRegistrations();
    // First install: the options page, which explains the shortcut and auto-clean, waits in a background tab.
    // A tab of its own: `openOptionsPage` would take over a blank tab the user (or a test) just opened.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html'), active: false });
  });
  browser.runtime.onStartup.addListener(() => void syncAutoCleanRegistrations());
  // The user granted a site the popup asked for, maybe after the popup closed: finish turning auto-clean on.
  browser.permissions.onAdded.addListener(({ origins }) => void completePendingAutoClean(origins ?? []));
  // A site permission revoked in the browser's own settings ends auto-clean on that site.
  browser.permissions.onRemoved.addListener(() => void syncAutoCleanRegistrations());

  browser.commands.onCommand.addListener((command, tab) => void handleCommand(command, tab));
  browser.contextMenus.onClicked.addListener((info, tab) => void handleMenuClick(info, tab));

  // No test can press the shortcut or open a context menu: end-to-end tests call these same handlers here.
  Object.assign(globalThis, { clarte: { handleCommand, handleMenuClick, syncAutoCleanRegistrations } });
});
