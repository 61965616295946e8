// Read aloud in the reader view, with the browser's own voices (`speechSynthesis`): one utterance per sentence
// (lib/sentences.ts), the sentence being read highlighted and kept in view. Pausing cancels the utterance and
// resuming says the sentence again: `pause()` is unreliable in Chrome on Linux, and a whole sentence is easier to
// follow than its second half.
import { browser } from 'wxt/browser';
import { sentenceRanges } from '../lib/sentences';
import { chooseVoice, isOnlineVoice, voiceKey, voicesFor, type Voice } from '../lib/voices';
import { button, element } from './elements';
import { settingRow } from './reader-settings';
import { clampToRange, READ_ALOUD_RATE, type ReadAloudPrefs } from './settings';

/** What is read as one paragraph: the innermost of these around each piece of text. */
const READ_BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, pre, th, td, dt, dd';
/** The reader view's outline, site line, byline and reading time are not read: they are not the story. */
const UNREAD = 'nav, .site, .byline, .reading-time';

/** The name of the word highlight (`::highlight()` in reader-view.css). */
const SPOKEN_WORD = 'clarte-spoken-word';

/** The first sentence has this long to start before the reader is told no voice works. */
const START_TIMEOUT_MS = 10_000;

interface Sentence {
  text: string;
  /** Index of its paragraph. */
  block: number;
  /** The sentence's text, wrapped: one span per text node it spans. */
  spans: HTMLElement[];
}

export interface ReadAloud {
  /** Play/pause, back, forward, stop and the status: a toolbar group. */
  controls: HTMLElement;
  /** Speed, voice and "follow the reading" rows, for the settings panel. */
  settings: HTMLElement;
  /** Lists the voices (asked of the engine only when read aloud or its settings are about to be used). */
  listVoices(): void;
  /** Play or pause (the keyboard shortcut). */
  toggle(): void;
  stop(): void;
}

type SpeechWindow = Window & typeof globalThis;

// Read when used, not kept: nothing is asked of the speech engine (Chrome starts speech-dispatcher for its voices)
// until the reader opens the settings or presses play.
const synth = (doc: Document): SpeechSynthesis | undefined => (doc.defaultView as SpeechWindow).speechSynthesis;

/**
 * Read aloud for `article` (the title and the article's text, in `lang`), scrolled in `scroller` below the
 * toolbar `top`. `save` remembers speed, voices and "follow" after each change.
 */
export function readAloud(
  article: HTMLElement,
  lang: string,
  prefs: ReadAloudPrefs,
  save: (prefs: ReadAloudPrefs) => void,
  scroller: HTMLElement,
  top: HTMLElement,
): ReadAloud {
  const doc = article.ownerDocument;
  const win = doc.defaultView as SpeechWindow;
  const message = (name: Parameters<typeof browser.i18n.getMessage>[0]) => browser.i18n.getMessage(name);

  let sentences: Sentence[] | null = null;
  let current = 0;
  let state: 'stopped' | 'playing' | 'paused' = 'stopped';
  /** Bumped by every utterance spoken or cancelled: events of older utterances are ignored. */
  let turn = 0;
  let startTimer: ReturnType<typeof setTimeout> | undefined;

  const controls = element(doc, 'div', { class: 'group speech', role: 'group', 'aria-label': message('readAloud') });
  const toggle = () => (state === 'playing' ? pause() : start());
  const play = button(doc, '▶', message('readAloud'), toggle);
  const back = button(doc, '◀◀', message('readAloudBack'), () => skip(-1));
  const forward = button(doc, '▶▶', message('readAloudForward'), () => skip(1));
  const stopButton = button(doc, '■', message('readAloudStop'), () => stop());
  const status = element(doc, 'span', { class: 'speech-status', role: 'status' });
  controls.append(play, back, forward, stopButton, status);

  const { element: settings, listVoices, voice } = readAloudSettings(doc, lang, prefs, (respeak) => {
    save(prefs);
    if (respeak && state === 'playing') speak();
  });

  const setState = (next: typeof state) => {
    state = next;
    play.dataset.glyph = next === 'playing' ? '❚❚' : '▶';
    const label = message(next === 'playing' ? 'readAloudPause' : 'readAloud');
    play.setAttribute('aria-label', label);
    play.title = label;
    for (const control of [back, forward, stopButton]) control.hidden = next === 'stopped';
  };
  setState('stopped');

  const say = (text: string) => {
    status.textContent = text;
  };

  function start(from?: number): void {
    const engine = synth(doc);
    const voices = listVoices();
    sentences ??= wrapSentences(article, lang);
    if (!engine || sentences.length === 0) {
      say(message('readAloudNoVoice'));
      return;
    }
    if (voices.length > 0 && !voices.some((entry) => entry.voiceURI === voice.value)) {
      say(message('readAloudChooseVoice'));
      return;
    }
    say('');
    if (from !== undefined) current = from;
    else if (state === 'stopped') current = firstInView(sentences);
    setState('playing');
    clearTimeout(startTimer);
    startTimer = setTimeout(() => {
      stop();
      say(message('readAloudNoVoice'));
    }, START_TIMEOUT_MS);
    speak();
  }

  function speak(): void {
    const engine = synth(doc);
    const sentence = sentences?.[current];
    if (!engine || !sentence) {
      stop();
      return;
    }
    const mine = ++turn;
    engine.cancel();
    const utterance = new win.SpeechSynthesisUtterance(sentence.text);
    utterance.lang = lang;
    utterance.rate = prefs.rate;
    const chosen = engine.getVoices().find((entry) => entry.voiceURI === voice.value);
    if (chosen) utterance.voice = chosen;
    utterance.addEventListener('start', () => clearTimeout(startTimer));
    utterance.addEventListener('boundary', (event) => {
      if (mine === turn && event.name !== 'sentence') markWord(sentence, event.charIndex, event.charLength);
    });
    utterance.addEventListener('end', () => {
      if (mine !== turn) return;
      current += 1;
      speak();
    });
    utterance.addEventListener('error', (event) => {
      if (mine !== turn || event.error === 'interrupted' || event.error === 'canceled') return;
      stop();
      say(browser.i18n.getMessage('readAloudFailed', event.error));
    });
    highlight(sentence);
    engine.speak(utterance);
  }

  function pause(): void {
    turn += 1;
    clearTimeout(startTimer);
    synth(doc)?.cancel();
    setState('paused');
  }

  function stop(): void {
    turn += 1;
    clearTimeout(startTimer);
    synth(doc)?.cancel();
    highlight(null);
    current = 0;
    setState('stopped');
  }

  /** The first sentence of the paragraph before or after the current one. */
  function skip(by: -1 | 1): void {
    const all = sentences ?? [];
    const block = (all[current]?.block ?? 0) + by;
    const next = all.findIndex((sentence) => sentence.block === block);
    if (next < 0) return;
    current = next;
    if (state === 'playing') speak();
    else highlight(all[current]!);
  }

  /**
   * The word being said, where the engine tells (boundary events; espeak-ng through speech-dispatcher does not):
   * a CSS highlight over the sentence's text, so the markup is not touched while it is read.
   */
  function markWord(sentence: Sentence, index: number, length: number): void {
    const highlights = win.CSS?.highlights;
    if (!highlights) return;
    const end = index + (length || (/^\S*/u.exec(sentence.text.slice(index))?.[0].length ?? 0));
    const range = new win.Range();
    let offset = 0;
    for (const span of sentence.spans) {
      const node = span.firstChild as Text;
      if (index >= offset && index <= offset + node.length) range.setStart(node, index - offset);
      if (end >= offset && end <= offset + node.length) {
        range.setEnd(node, end - offset);
        break;
      }
      offset += node.length;
    }
    highlights.set(SPOKEN_WORD, new win.Highlight(range));
  }

  function highlight(sentence: Sentence | null): void {
    win.CSS?.highlights?.delete(SPOKEN_WORD);
    for (const span of article.querySelectorAll('.speaking')) span.classList.remove('speaking');
    if (!sentence) return;
    for (const span of sentence.spans) span.classList.add('speaking');
    const first = sentence.spans[0]!.getBoundingClientRect();
    const last = sentence.spans.at(-1)!.getBoundingClientRect();
    const outOfView = first.top < top.getBoundingClientRect().bottom || last.bottom > scroller.clientHeight;
    if (prefs.follow && outOfView) sentence.spans[0]!.scrollIntoView({ block: 'center' });
  }

  /** While read aloud is on, a click on a sentence reads from there (not a click on a link, nor a selection). */
  article.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (state === 'stopped' || target.closest('a, button, summary') || !doc.getSelection()?.isCollapsed) return;
    const clicked = target.closest('.sentence');
    const block = target.closest(READ_BLOCKS);
    const index = (sentences ?? []).findIndex((sentence) =>
      clicked ? sentence.spans.includes(clicked as HTMLElement) : block?.contains(sentence.spans[0]!));
    if (index >= 0) start(index);
  });
  // The tab closing or navigating away: the engine would go on reading a page that is no longer there.
  win.addEventListener('pagehide', () => stop());

  return {
    controls,
    settings,
    listVoices,
    toggle,
    stop() {
      if (state !== 'stopped') stop();
      synth(doc)?.removeEventListener('voiceschanged', listVoices);
    },
  };

  /** Where reading starts when the reader presses play: the first sentence in view below the toolbar. */
  function firstInView(all: Sentence[]): number {
    const limit = top.getBoundingClientRect().bottom;
    return Math.max(0, all.findIndex((sentence) => sentence.spans[0]!.getBoundingClientRect().bottom > limit));
  }
}

export interface ReadAloudSettings {
  /** Speed, voice and "follow the voice", each in a labelled `.setting` row. */
  element: HTMLElement;
  /**
   * Fills the voice list (and follows the engine's later changes to it); asks the engine for its voices. Gives the
   * voices listed, best first.
   */
  listVoices(): Voice[];
  voice: HTMLSelectElement;
}

/**
 * Read aloud's settings for text in `lang` (the reader view's Aa panel, the options page): `onChange` after each
 * change to `prefs`, told whether it is one a sentence being read should be said again with (speed, voice).
 */
export function readAloudSettings(
  doc: Document,
  lang: string,
  prefs: ReadAloudPrefs,
  onChange: (respeak: boolean) => void,
): ReadAloudSettings {
  const element = doc.createElement('div');
  element.className = 'settings speech-settings';
  const rate = doc.createElement('select');
  rate.name = 'readAloudRate';
  for (let value: number = READ_ALOUD_RATE.min; value <= READ_ALOUD_RATE.max; value += READ_ALOUD_RATE.step) {
    rate.append(new Option(`${value.toLocaleString(browser.i18n.getUILanguage())}×`, String(value)));
  }
  rate.value = String(prefs.rate);
  rate.addEventListener('change', () => {
    prefs.rate = clampToRange(Number(rate.value), READ_ALOUD_RATE);
    onChange(true);
  });
  const voice = doc.createElement('select');
  voice.name = 'readAloudVoice';
  voice.addEventListener('change', () => {
    prefs.voices[voiceKey(lang)] = voice.value;
    onChange(true);
  });
  const follow = doc.createElement('input');
  follow.type = 'checkbox';
  follow.name = 'readAloudFollow';
  follow.checked = prefs.follow;
  follow.addEventListener('change', () => {
    prefs.follow = follow.checked;
    onChange(false);
  });
  const followRow = settingRow(doc, 'readAloudFollow', follow);
  followRow.classList.add('check');
  element.append(settingRow(doc, 'readAloudSpeed', rate), settingRow(doc, 'readAloudVoice', voice), followRow);

  let listening = false;
  const listVoices = (): Voice[] => {
    if (!listening) synth(doc)?.addEventListener('voiceschanged', listVoices);
    listening = true;
    const voices = voicesFor(synth(doc)?.getVoices() ?? [], lang, navigator.languages);
    const chosen = chooseVoice(voices, prefs.voices[voiceKey(lang)]);
    voice.replaceChildren(...voices.map((entry) => new Option(
      isOnlineVoice(entry) ? browser.i18n.getMessage('readAloudOnlineVoice', entry.name) : entry.name,
      entry.voiceURI,
    )));
    // No local voice and none chosen: the list shows none picked, so an online one is only ever the reader's choice.
    voice.value = chosen?.voiceURI ?? '';
    voice.disabled = voices.length === 0;
    return voices;
  };
  return { element, listVoices, voice };
}

/**
 * The article's sentences, each wrapped in `span.sentence` elements (one per text node it spans), in reading
 * order. Wrapped on the first play only: a reader who never listens pays nothing for it.
 */
export function wrapSentences(article: HTMLElement, lang: string): Sentence[] {
  const sentences: Sentence[] = [];
  const blocks = [...article.querySelectorAll<HTMLElement>(READ_BLOCKS)].filter((block) => !block.closest(UNREAD));
  blocks.forEach((block, index) => {
    const nodes: Text[] = [];
    const walker = article.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest(READ_BLOCKS) === block) nodes.push(node as Text);
    }
    const starts: number[] = [];
    let text = '';
    for (const node of nodes) {
      starts.push(text.length);
      text += node.data;
    }
    // Last sentence first: splitting a text node keeps its beginning in place for the sentences before.
    const found = sentenceRanges(text, lang).reverse().map(([start, end]) => {
      const spans: HTMLElement[] = [];
      nodes.forEach((node, n) => {
        const from = Math.max(start, starts[n]!) - starts[n]!;
        const to = Math.min(end, starts[n]! + node.length) - starts[n]!;
        if (from >= to) return;
        if (to < node.length) node.splitText(to);
        const piece = from > 0 ? node.splitText(from) : node;
        const span = article.ownerDocument.createElement('span');
        span.className = 'sentence';
        piece.replaceWith(span);
        span.append(piece);
        spans.push(span);
      });
      return { text: text.slice(start, end), block: index, spans };
    });
    sentences.push(...found.reverse());
  });
  return sentences;
}
