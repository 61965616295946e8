// Where the end-to-end tests find their browsers: Debian's packages (never a downloaded browser). `npm test`
// checks for them before anything else (scripts/run-tests.mjs); CLARTE_CHROMIUM / CLARTE_FIREFOX_ESR point
// elsewhere (the check's own test uses them to play a machine without browsers).
export const BROWSERS = {
  chromium: process.env.CLARTE_CHROMIUM || '/usr/bin/chromium',
  firefox: process.env.CLARTE_FIREFOX_ESR || '/usr/bin/firefox-esr',
};

export const HOW_TO_GET_BROWSERS =
  'The browser tests need Chromium and Firefox ESR. On Debian or Ubuntu: apt-get install chromium firefox-esr';
