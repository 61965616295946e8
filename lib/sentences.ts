// Read aloud speaks an article one sentence at a time: the sentence being read can be highlighted, and no
// utterance is long enough to meet the engines' length bugs (Chrome's voices stop some 15 s into one utterance).

/** The longest piece of text given to the speech engine at once. */
export const MAX_SPOKEN_CHARS = 250;

/**
 * Where `text`'s sentences are, as [start, end) offsets without surrounding white space, in the rules of its
 * language (`Intl.Segmenter`). A sentence longer than MAX_SPOKEN_CHARS is cut after a comma, semicolon, colon or
 * dash where it can be, else at the last space before the limit.
 */
export function sentenceRanges(text: string, lang?: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const { index, segment } of new Intl.Segmenter(validLocale(lang), { granularity: 'sentence' }).segment(text)) {
    const end = index + segment.trimEnd().length;
    let start = skipSpaces(text, index);
    // French sets a space before a closing guillemet ("vous ! »"), and the segmenter ends the sentence at that
    // space: the guillemet goes back to the sentence it closes.
    const closing = /^[»”’)\]]+/.exec(text.slice(start, end))?.[0].length ?? 0;
    const previous = ranges.at(-1);
    if (closing && previous) {
      previous[1] = start + closing;
      start = skipSpaces(text, start + closing);
    }
    while (end - start > MAX_SPOKEN_CHARS) {
      const piece = text.slice(start, start + MAX_SPOKEN_CHARS);
      const cut = lastCut(piece, /[,;:—–]\s/g) ?? lastCut(piece, /\s/g) ?? MAX_SPOKEN_CHARS;
      ranges.push([start, start + piece.slice(0, cut).trimEnd().length]);
      start = skipSpaces(text, start + cut);
    }
    if (end > start) ranges.push([start, end]);
  }
  return ranges;
}

const SPACES = /\s*/y;
function skipSpaces(text: string, from: number): number {
  SPACES.lastIndex = from;
  SPACES.exec(text);
  return SPACES.lastIndex;
}

/** Offset just after the last match of `pattern` in the second half of `piece` (no tiny first pieces). */
function lastCut(piece: string, pattern: RegExp): number | undefined {
  let cut: number | undefined;
  for (const match of piece.matchAll(pattern)) {
    if (match.index >= piece.length / 2) cut = match.index + 1;
  }
  return cut;
}

/** A page's `lang` can be anything; Intl throws on what is not a language tag. */
function validLocale(lang: string | undefined): string | undefined {
  try {
    return lang ? Intl.getCanonicalLocales(lang)[0] : undefined;
  } catch {
    return undefined;
  }
}
