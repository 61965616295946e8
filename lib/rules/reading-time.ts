// Reading-time badges: "2 min de lecture", "5 min read", "Bridgestone Team | 5 min read", "Temps de lecture :
// 3 min", "Lesezeit: 4 Min.".
// The whole text of a small element must be the badge; a sentence mentioning minutes stays.

import { tokenPattern, type ElementFacts, type Rule, type RuleMatch } from './rule';

const READING_TIME = new RegExp(
  '^(?:' +
    // "2 min de lecture", "5 min read", "3 minutes reading time", "4 Min. Lesezeit", "3 minuti di lettura"
    "(?:⏱\\s*)?(?:\\d+|moins d'une?|less than a|< ?1)\\s*(?:min(?:ute)?s?|mn|minuti|minutos)\\.?\\s*" +
    '(?:de lecture|read|reading(?: time)?|to read|lesezeit|lesedauer|de lectura|de leitura|di lettura|leestijd)' +
    '|' +
    // "Temps de lecture : 3 min", "Reading time: 5 minutes", "Lesezeit: 4 Min."
    '(?:temps de lecture|durée de lecture|lecture|reading time|read time|time to read|estimated reading time|lesezeit|lesedauer|' +
    'tiempo de lectura|lectura|tempo de leitura|tempo di lettura|lettura|leestijd)\\s*:?\\s*' +
    "(?:\\d+|moins d'une?|less than a|< ?1)\\s*(?:min(?:ute)?s?|mn|minuti|minutos)\\.?" +
    ')$',
  'i',
);

/** A name sharing the badge's line: "Bridgestone Team | 5 min read". */
const LEADING_NAME = /^[^|•·]{1,40}[|•·]\s*/;

const READING_TIME_NAMES = tokenPattern('reading-time|read-time|readtime|readingtime|reading-duration|time-to-read');

function matchReadingTime(el: Element, facts: ElementFacts): RuleMatch | null {
  const text = facts.shortText;
  if (!text || text.length > 60) return null;
  if (READING_TIME.test(text) || READING_TIME.test(text.replace(LEADING_NAME, ''))) return { reason: `reading-time badge "${text}"` };
  if (READING_TIME_NAMES.test(facts.names) && /\d/.test(text)) return { reason: `reading-time badge "${text}"` };
  return null;
}

export const readingTime: Rule = { name: 'reading-time', match: matchReadingTime };
