import { describe, expect, it } from 'vitest';
import { chooseVoice, isOnlineVoice, voiceKey, voicesFor, type Voice } from './voices';

const voice = (name: string, lang: string, extra: Partial<Voice> = {}): Voice =>
  ({ voiceURI: name, name, lang, localService: true, default: false, ...extra });

// As Chromium on Linux lists them: speech-dispatcher's espeak-ng voices, and Chrome's online voices.
const chromium = [
  voice('English (America) espeak-ng', 'en-US', { default: true }),
  voice('French (Belgium) espeak-ng', 'fr-BE'),
  voice('French (France) espeak-ng', 'fr-FR'),
  voice('Google français', 'fr-FR', { localService: false }),
  voice('Arabic espeak-ng', 'ar'),
];

describe('voicesFor', () => {
  it('offers the voices of the article language, local first, its region or the reader\'s first', () => {
    expect(voicesFor(chromium, 'fr', ['fr-FR', 'en']).map((v) => v.name)).toEqual([
      'French (France) espeak-ng', 'French (Belgium) espeak-ng', 'Google français',
    ]);
    expect(voicesFor(chromium, 'fr-BE').map((v) => v.name)[0]).toBe('French (Belgium) espeak-ng');
    expect(voicesFor(chromium, 'FR_be').map((v) => v.name)[0]).toBe('French (Belgium) espeak-ng');
  });

  it('offers every voice, the default first, when none speaks the language', () => {
    expect(voicesFor(chromium, 'ja').map((v) => v.name)[0]).toBe('English (America) espeak-ng');
    expect(voicesFor(chromium, 'ja')).toHaveLength(chromium.length);
  });
});

describe('chooseVoice', () => {
  it('takes the voice remembered for the language, else the first local one, never an online one by default', () => {
    const french = voicesFor(chromium, 'fr', ['fr-FR']);
    expect(chooseVoice(french, 'French (Belgium) espeak-ng')?.name).toBe('French (Belgium) espeak-ng');
    expect(chooseVoice(french, 'Google français')?.name).toBe('Google français');
    expect(chooseVoice(french, 'a voice since uninstalled')?.name).toBe('French (France) espeak-ng');
    expect(chooseVoice([voice('Google français', 'fr-FR', { localService: false })], undefined)).toBeNull();
    expect(chooseVoice([], undefined)).toBeNull();
  });
});

describe('isOnlineVoice', () => {
  it('is a voice not local to the machine, except Firefox\'s speech-dispatcher voices, which run on it', () => {
    expect(isOnlineVoice(voice('Google français', 'fr-FR', { localService: false }))).toBe(true);
    expect(isOnlineVoice(voice('French (France) espeak-ng', 'fr-FR'))).toBe(false);
    expect(isOnlineVoice({ ...voice('French (France)', 'fr-FR', { localService: false }),
      voiceURI: 'urn:moz-tts:speechd:French (France)?fr-FR' })).toBe(false);
  });
});

describe('voiceKey', () => {
  it('is the language without its region', () => {
    expect(voiceKey('fr-CA')).toBe('fr');
    expect(voiceKey('EN')).toBe('en');
    expect(voiceKey('')).toBe('und');
  });
});
