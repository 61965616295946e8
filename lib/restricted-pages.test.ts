import { describe, expect, it } from 'vitest';
import { refusalKind, restrictedKind } from './restricted-pages';

describe('restrictedKind', () => {
  it.each([
    ['chrome://version', 'browser'],
    ['chrome-extension://abc/popup.html', 'browser'],
    ['about:blank', 'browser'],
    ['about:addons', 'browser'],
    ['edge://settings', 'browser'],
    ['moz-extension://uuid/popup.html', 'browser'],
    ['https://chromewebstore.google.com/detail/x/abc', 'store'],
    ['https://chrome.google.com/webstore/detail/abc', 'store'],
    ['https://addons.mozilla.org/fr/firefox/addon/x/', 'store'],
    ['https://microsoftedge.microsoft.com/addons/detail/x', 'store'],
    ['https://example.org/report.PDF', 'pdf'],
    ['view-source:https://example.org/', 'source'],
    ['file:///home/me/page.html', 'file'],
    ['', 'unknown'],
    [undefined, 'unknown'],
    ['not a url', 'unknown'],
    ['ftp://example.org/x', 'unknown'],
  ])('%s → %s', (url, kind) => {
    expect(restrictedKind(url)).toBe(kind);
  });

  it('lets ordinary pages through, the store domains outside their store paths included', () => {
    expect(restrictedKind('https://www.rtl.fr/actu/x-7777047138')).toBeNull();
    expect(restrictedKind('http://127.0.0.1:8080/seed/source.html')).toBeNull();
    expect(restrictedKind('https://chrome.google.com/intl/fr/chrome/')).toBeNull();
  });

  it('allows file: pages only when the user allowed file access, and never a PDF', () => {
    expect(restrictedKind('file:///home/me/page.html', true)).toBeNull();
    expect(restrictedKind('file:///home/me/doc.pdf', true)).toBe('pdf');
  });
});

describe('refusalKind', () => {
  it.each([
    ['Cannot access a chrome:// URL', 'browser'],
    ['Cannot access a chrome-extension:// URL of different extension', 'browser'],
    ['Cannot access contents of url "about:blank". Extension manifest must request permission to access this host.', 'browser'],
    ['The extensions gallery cannot be scripted.', 'store'],
    ['Cannot access contents of url "file:///tmp/a.html". Extension manifest must request permission to access this host.', 'file'],
    ['Cannot access contents of url "https://example.org/a.pdf".', 'pdf'],
    ['Cannot access contents of the page. Extension manifest must request permission to access the respective host.', 'unknown'],
    ['Missing host permission for the tab', 'unknown'],
  ])('%s → %s', (message, kind) => {
    expect(refusalKind(message)).toBe(kind);
  });

  it('gives null for errors that are not refusals', () => {
    expect(refusalKind('No tab with id: 42.')).toBeNull();
    expect(refusalKind('Could not establish connection. Receiving end does not exist.')).toBeNull();
  });
});
