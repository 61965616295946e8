// The reader's display settings as form controls, shared by the reader view's settings panel and the options
// page (with its live preview), and how a set of settings lands on a `.reader` element (utils/reader-themes.css).
import { browser } from 'wxt/browser';
import {
  READER_ALIGNS,
  READER_FONT_SIZE,
  READER_FONTS,
  READER_LETTER_SPACING,
  READER_LINE_HEIGHT,
  READER_THEMES,
  READER_WIDTH,
  READER_WORD_SPACING,
  type NumberRange,
  type ReaderPrefs,
} from './settings';

type MessageName = Parameters<typeof browser.i18n.getMessage>[0];
type ChoiceKey = 'theme' | 'font' | 'align';
type RangeKey = 'fontSize' | 'lineHeight' | 'letterSpacing' | 'wordSpacing' | 'width';

const CHOICES: [ChoiceKey, MessageName, readonly string[], Record<string, MessageName>][] = [
  ['theme', 'readerThemeLabel', READER_THEMES, {
    system: 'themeSystem', light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark', contrast: 'themeContrast',
  }],
  ['font', 'readerFontLabel', READER_FONTS, { serif: 'fontSerif', sans: 'fontSans', system: 'fontSystem' }],
  ['align', 'readerAlignLabel', READER_ALIGNS, { start: 'alignStart', justify: 'alignJustify' }],
];

/**
 * Each range with its label, the unit it is shown (and applied) in, and the slider's step when not the range's
 * (the A−/A+ buttons go by 2 px from 19 px; a slider snaps to its own grid, so it goes by 1 px).
 */
const RANGES: [RangeKey, MessageName, NumberRange, string, number?][] = [
  ['fontSize', 'readerFontSizeLabel', READER_FONT_SIZE, 'px', 1],
  ['lineHeight', 'readerLineHeightLabel', READER_LINE_HEIGHT, ''],
  ['letterSpacing', 'readerLetterSpacingLabel', READER_LETTER_SPACING, 'em'],
  ['wordSpacing', 'readerWordSpacingLabel', READER_WORD_SPACING, 'em'],
  ['width', 'readerWidthLabel', READER_WIDTH, 'ch'],
];

/** How long a slider rests before its value is saved. */
const SETTLE_MS = 400;

/** Puts `prefs` on a `.reader` element: theme and font as data attributes, sizes as custom properties. */
export function applyReaderPrefs(target: HTMLElement, prefs: ReaderPrefs): void {
  target.dataset.theme = prefs.theme;
  target.dataset.font = prefs.font;
  for (const [key, , , unit] of RANGES) target.style.setProperty(cssName(key), `${prefs[key]}${unit}`);
  target.style.setProperty('--align', prefs.align);
}

const cssName = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/**
 * One labelled setting: its label, its control (named: the name makes its id), and what shows its value.
 * Labelled by `for`, not by wrapping: a wrapped control's value would become part of its own name.
 */
export function settingRow(
  doc: Document,
  labelName: MessageName,
  control: HTMLSelectElement | HTMLInputElement,
  shown?: HTMLElement,
): HTMLElement {
  const row = doc.createElement('div');
  row.className = 'setting';
  const label = doc.createElement('label');
  control.id = `setting-${control.name}`;
  label.htmlFor = control.id;
  label.textContent = browser.i18n.getMessage(labelName);
  row.append(label, control);
  if (shown) row.append(shown);
  return row;
}

export interface ReaderSettingsControls {
  /** Labelled controls (selects and sliders), each in its own `.setting` row. */
  element: HTMLElement;
  /** Shows `prefs` again after a change made elsewhere (the reader's A−/A+ buttons). */
  sync(): void;
}

/**
 * Controls for every display setting, editing `prefs` in place. `onChange(final)` follows each edit: `final` is
 * false while a slider moves (apply it) and true once a value is chosen or the slider rests (apply and save it).
 */
export function readerSettingsControls(
  doc: Document,
  prefs: ReaderPrefs,
  onChange: (final: boolean) => void,
): ReaderSettingsControls {
  const element = doc.createElement('div');
  element.className = 'settings';
  const syncs: (() => void)[] = [];
  const setting = (labelName: MessageName, control: HTMLSelectElement | HTMLInputElement, shown?: HTMLElement) =>
    element.append(settingRow(doc, labelName, control, shown));

  for (const [key, labelName, values, messages] of CHOICES) {
    const select = doc.createElement('select');
    select.name = key;
    for (const value of values) {
      const option = doc.createElement('option');
      option.value = value;
      option.textContent = browser.i18n.getMessage(messages[value]);
      select.append(option);
    }
    select.addEventListener('change', () => {
      (prefs as unknown as Record<string, string>)[key] = select.value;
      onChange(true);
    });
    syncs.push(() => (select.value = prefs[key]));
    setting(labelName, select);
  }

  for (const [key, labelName, range, unit, step = range.step] of RANGES) {
    const input = doc.createElement('input');
    Object.assign(input, { type: 'range', name: key, min: String(range.min), max: String(range.max), step: String(step) });
    const shown = doc.createElement('output');
    shown.setAttribute('aria-hidden', 'true');
    const show = () => {
      input.value = String(prefs[key]);
      shown.textContent = `${prefs[key]}${unit}`;
      input.setAttribute('aria-valuetext', shown.textContent);
    };
    // A slider's value is final once it rests: Firefox fires no `change` for its arrow keys.
    let settle: ReturnType<typeof setTimeout> | undefined;
    const edit = (final: boolean) => {
      clearTimeout(settle);
      prefs[key] = Number(input.value);
      show();
      onChange(final);
      if (!final) settle = setTimeout(() => onChange(true), SETTLE_MS);
    };
    input.addEventListener('input', () => edit(false));
    input.addEventListener('change', () => edit(true));
    syncs.push(show);
    setting(labelName, input, shown);
  }

  const sync = () => syncs.forEach((update) => update());
  sync();
  return { element, sync };
}
