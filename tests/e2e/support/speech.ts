// Speech for the read-aloud tests. A real voice: speech-dispatcher driving espeak-ng, started by the browser in a
// temporary home (the machine's own set-up is not touched) and sending its sound to libao's null driver (a CI
// machine has no sound card). An instrumented one: a `speechSynthesis` installed in the content script's world
// that records what it is asked to say and fires start, boundary and end events when the test says so.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SpeechHome {
  /** Environment for the browser: HOME, XDG_CONFIG_HOME, XDG_RUNTIME_DIR in the temporary home. */
  env: Record<string, string>;
  remove(): Promise<void>;
}

export async function speechHome(): Promise<SpeechHome> {
  const home = await mkdtemp(join(tmpdir(), 'clarte-speech-'));
  const config = join(home, '.config');
  const runtime = join(home, 'run');
  await mkdir(join(config, 'speech-dispatcher'), { recursive: true });
  await mkdir(runtime, { mode: 0o700 });
  await writeFile(join(config, 'speech-dispatcher', 'speechd.conf'), [
    'AudioOutputMethod "libao"',
    'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"',
    'DefaultModule espeak-ng',
    // The server leaves 5 s after its last client (the browser) has gone.
    'Timeout 5',
    '',
  ].join('\n'));
  await writeFile(join(home, '.libao'), 'default_driver=null\n');
  return {
    env: { HOME: home, XDG_CONFIG_HOME: config, XDG_RUNTIME_DIR: runtime },
    remove: () => rm(home, { recursive: true, force: true }),
  };
}

/** What the instrumented engine was asked to say. */
export interface Spoken {
  text: string;
  lang: string;
  rate: number;
  voice: string | null;
}

/** The test's handle on the instrumented engine, at `window.clarteTestSpeech` in the content script's world. */
export interface TestSpeech {
  spoken: Spoken[];
  cancels: number;
  /** Whether an utterance is being said (not ended, not cancelled). */
  speaking: boolean;
}

/**
 * Installs the instrumented engine. Its source is sent to the content script's world with
 * `scripting.executeScript` (so it is self-contained: no class, nothing from this module). `voices` are what
 * `getVoices()` gives; null: `speechSynthesis` is missing. `word(n)` fires a boundary event at the n-th word of
 * the utterance being said, `finish()` its end.
 */
export function installTestSpeech(
  voices: { voiceURI: string; name: string; lang: string; localService: boolean }[] | null,
): void {
  type Utterance = EventTarget & { text: string; lang: string; rate: number; voice: { voiceURI: string } | null };
  if (voices === null) {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    return;
  }
  let current: Utterance | null = null;
  const fire = (utterance: Utterance, type: string, fields: Record<string, unknown> = {}) =>
    utterance.dispatchEvent(Object.assign(new Event(type), fields));
  const state = {
    spoken: [] as Spoken[],
    cancels: 0,
    speaking: false,
    word(n: number) {
      const word = current && [...current.text.matchAll(/\S+/g)][n];
      if (current && word) fire(current, 'boundary', { name: 'word', charIndex: word.index, charLength: word[0].length });
    },
    finish() {
      const utterance = current;
      current = null;
      state.speaking = false;
      if (utterance) fire(utterance, 'end');
    },
  };
  const events = new EventTarget();
  const engine = {
    getVoices: () => voices.map((voice) => ({ ...voice, default: false })),
    speak(utterance: Utterance) {
      current = utterance;
      state.speaking = true;
      state.spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate,
        voice: utterance.voice?.voiceURI ?? null });
      setTimeout(() => current === utterance && fire(utterance, 'start'), 0);
    },
    cancel() {
      state.cancels += 1;
      const utterance = current;
      current = null;
      state.speaking = false;
      if (utterance) fire(utterance, 'error', { error: 'interrupted' });
    },
    addEventListener: (type: string, listener: EventListener) => events.addEventListener(type, listener),
    removeEventListener: (type: string, listener: EventListener) => events.removeEventListener(type, listener),
  };
  Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
  Object.assign(window, {
    // Called with `new`: an object returned from a constructor is the result.
    SpeechSynthesisUtterance: function TestUtterance(text: string) {
      return Object.assign(new EventTarget(), { text, lang: '', rate: 1, voice: null });
    },
    clarteTestSpeech: state,
  });
}
