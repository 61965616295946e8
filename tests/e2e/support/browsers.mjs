// Where the end-to-end tests find their browsers: Debian's packages (never a downloaded browser), and the voice
// the read-aloud tests speak with (speech-dispatcher driving espeak-ng). `npm test` checks for them before
// anything else (scripts/run-tests.mjs); CLARTE_CHROMIUM / CLARTE_FIREFOX_ESR / CLARTE_SPEECH_DISPATCHER point
// elsewhere (the check's own test uses them to play a machine without them).
export const BROWSERS = {
  chromium: process.env.CLARTE_CHROMIUM || '/usr/bin/chromium',
  firefox: process.env.CLARTE_FIREFOX_ESR || '/usr/bin/firefox-esr',
};

export const VOICE = {
  speechDispatcher: process.env.CLARTE_SPEECH_DISPATCHER || '/usr/bin/speech-dispatcher',
  espeakNgModule: '/usr/lib/speech-dispatcher-modules/sd_espeak-ng',
};

export const HOW_TO_GET_BROWSERS = 'The browser tests need Chromium, Firefox ESR and a voice to read aloud with. '
  + 'On Debian or Ubuntu: apt-get install chromium firefox-esr speech-dispatcher espeak-ng';
