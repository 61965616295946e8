// Which speech voices read aloud offers for an article, and which one it picks when the reader has not chosen.
// Pure: the reader view passes `speechSynthesis.getVoices()` and the remembered choice.

/** The fields of a `SpeechSynthesisVoice` this uses. */
export interface Voice {
  voiceURI: string;
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
}

/**
 * A voice that sends the text to an online service (Chrome's "Google …" voices). Firefox flags every
 * speech-dispatcher voice as not local because a speech-dispatcher module could be remote, though its own
 * modules (espeak-ng, the Debian default) run on the machine: those count as local.
 */
export function isOnlineVoice(voice: Voice): boolean {
  return !voice.localService && !voice.voiceURI.startsWith('urn:moz-tts:speechd:');
}

const language = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * The voices offered for text in `lang`: those of its language (all voices when none is), local ones first, then
 * those of the exact regional variant (`fr-CA`; else the reader's own, from `preferredLanguages`), the browser's
 * default, and by name.
 */
export function voicesFor(voices: readonly Voice[], lang: string, preferredLanguages: readonly string[] = []): Voice[] {
  const wanted = language(lang);
  const same = voices.filter((voice) => language(voice.lang) === wanted);
  const region = (lang.includes('-') ? lang : preferredLanguages.find((tag) => language(tag) === wanted) ?? '')
    .toLowerCase().replace('_', '-');
  const rank = (voice: Voice) => [
    isOnlineVoice(voice) ? 1 : 0,
    voice.lang.toLowerCase().replace('_', '-') === region ? 0 : 1,
    voice.default ? 0 : 1,
  ];
  return (same.length > 0 ? same : [...voices]).sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    const order = ra.findIndex((value, index) => value !== rb[index]);
    return order >= 0 ? ra[order]! - rb[order]! : a.name.localeCompare(b.name);
  });
}

/**
 * The voice to read with: the one remembered for this language when it is still there, else the first local voice
 * offered. Never an online voice unless the reader chose it; null when there is nothing else.
 */
export function chooseVoice(offered: readonly Voice[], remembered: string | undefined): Voice | null {
  return offered.find((voice) => voice.voiceURI === remembered)
    ?? offered.find((voice) => !isOnlineVoice(voice))
    ?? null;
}

/** The key a voice choice is remembered under: the language, without its region (`fr-CA` → `fr`). */
export const voiceKey = (lang: string): string => language(lang) || 'und';
