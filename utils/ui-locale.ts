import { browser } from 'wxt/browser';

/**
 * The language the UI strings are shown in (`fr`, `en`), read from the translation itself: dates and `lang`
 * attributes then always match the words around them. (`getUILanguage()` and `@@ui_locale` can disagree with
 * the strings `getMessage` picks, e.g. in headless Chromium started with `--lang`.)
 */
export function uiLocale(): string {
  return browser.i18n.getMessage('uiLocale') || browser.i18n.getUILanguage();
}
