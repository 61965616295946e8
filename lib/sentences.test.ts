import { describe, expect, it } from 'vitest';
import { MAX_SPOKEN_CHARS, sentenceRanges } from './sentences';

const sentences = (text: string, lang?: string) => sentenceRanges(text, lang).map(([start, end]) => text.slice(start, end));

describe('sentenceRanges', () => {
  it('finds the sentences of French and English text, without the spaces between them', () => {
    expect(sentences('  Le préfet a parlé. « Restez chez vous ! » Qui ? Lui.  ', 'fr')).toEqual([
      'Le préfet a parlé.', '« Restez chez vous ! »', 'Qui ?', 'Lui.',
    ]);
    expect(sentences('The river rose 2.5 m overnight. Roads are closed.', 'en')).toEqual([
      'The river rose 2.5 m overnight.', 'Roads are closed.',
    ]);
  });

  it('splits Chinese and Arabic text at their own full stops', () => {
    expect(sentences('河水上涨了。道路已关闭。', 'zh')).toEqual(['河水上涨了。', '道路已关闭。']);
    expect(sentences('ارتفع النهر. أغلقت الطرق.', 'ar')).toEqual(['ارتفع النهر.', 'أغلقت الطرق.']);
  });

  it('cuts a sentence too long for one utterance after a comma, else at a space', () => {
    const clause = 'les quais de la Loire ont été fermés par la préfecture, ';
    const long = `${clause.repeat(12)}fin.`;
    const pieces = sentences(long, 'fr');
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
    expect(pieces.slice(0, -1).every((piece) => piece.endsWith(','))).toBe(true);
    expect(pieces.join(' ')).toBe(long);
    const words = 'mot '.repeat(200).trim();
    const wordPieces = sentences(words);
    expect(wordPieces.every((piece) => piece.length <= MAX_SPOKEN_CHARS && !piece.startsWith(' '))).toBe(true);
    expect(wordPieces.join(' ')).toBe(words);
  });

  it('takes a page language that is no language tag as none', () => {
    expect(sentences('One. Two.', 'not a tag!')).toEqual(['One.', 'Two.']);
    expect(sentences('   ')).toEqual([]);
  });
});
