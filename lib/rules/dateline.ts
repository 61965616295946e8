// Date lines left around the headline or closing a blog post: "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM",
// "| UPDATED: 11:05, Tue, Nov 19, 2019", "Publié le 18/03/2015 à 18:32", "By HNN Staff | November 18, 2019 at
// 2:26 PM HST", "Posted by David at December 16, 2025 11:15 AM". The date is metadata (the pipeline reads it
// before clean-up). A short element qualifies only when nothing but date words, numbers and labels is left once
// those are taken out: a sentence with a date stays.

import { holdsPicture, type ElementFacts, type Rule, type RuleMatch } from './rule';

/** Months and weekdays (en, fr, de, es, pt, it), full and abbreviated. */
const CALENDAR_WORDS =
  'jan(?:uary|vier|uar)?|feb(?:ruary|ruar)?|févr(?:ier)?|mar(?:ch|s|z)?|märz|apr(?:il)?|avr(?:il)?|may|mai|june?|juin|juil(?:let)?|july?|aug(?:ust)?|août|sept?(?:ember|embre)?|oct(?:ober|obre)?|nov(?:ember|embre)?|dec(?:ember)?|déc(?:embre)?|dez(?:ember)?|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|' +
  'mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|' +
  'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira';

const DATE_WORD = new RegExp(
  '^(?:' +
  [
    // labels
    'published|updated|posted|last|modified|originally|original|publié(?:e)?|mis|mise|jour|modifié(?:e)?|actualisé(?:e)?|' +
      'veröffentlicht|aktualisiert|aktualisierung|publicado|actualizado|atualizado|pubblicato|aggiornato|le|on|at|am|um|el|em|il|à|a|las|às|alle|de|del|do|of|the',
    CALENDAR_WORDS,
    // times and zones
    'a\\.m\\.|p\\.m\\.|am|pm|[ap]\\.?m\\.?|h|hrs?|utc|gmt|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|hst|bst|ist|aest|et|ct|pt',
  ].join('|') +
    ')$',
  'i',
);

/** A leading "By Name |" (the byline sharing the date's line). */
const LEADING_BYLINE = /^(?:by|par|von|por|di|door)\s+[^|•·]{1,60}[|•·]/i;

/** "Posted by David at …", "Published by Jane Doe on …": a blog's footer line, the name before the date. */
const POSTED_BY = /^(?:posted|published|written) by\s+[^|•·,]{1,40}?\s+(?=(?:at|on)\s)/i;

const MAX_DATELINE_CHARS = 120;

/**
 * What makes a line a date rather than a bare number ("401", "// 11" in a code listing): a calendar word, a
 * numeric date (18/03/2015, 2019-11-19), a time (6:55, 18h32) or a year.
 */
const DATE_SIGNAL = new RegExp(
  `\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}|\\b(?:19|20)\\d{2}\\b|\\d{1,2}[:h]\\d{2}\\b|(?<![\\p{L}])(?:${CALENDAR_WORDS})(?![\\p{L}])`,
  'iu',
);

function isDateline(text: string): boolean {
  if (!/\d/.test(text) || !DATE_SIGNAL.test(text)) return false;
  const rest = text
    .replace(LEADING_BYLINE, ' ')
    .replace(POSTED_BY, ' ')
    .replace(/\d+(?:st|nd|rd|th|er|e)?/g, ' ')
    .replace(/[\p{L}.]+/gu, (word) => (DATE_WORD.test(word.replace(/\.$/, '')) ? ' ' : word))
    .replace(/[\s|,;:./\-–—•·()]+/g, '');
  return rest === '';
}

function matchDateline(el: Element, facts: ElementFacts): RuleMatch | null {
  const text = facts.shortText;
  if (!text || text.length > MAX_DATELINE_CHARS || facts.el.closest('td,th,table,pre,code,figcaption')) return null;
  return isDateline(text) && !holdsPicture(el) ? { reason: `date line "${text.slice(0, 40)}"` } : null;
}

// A text rule, so it only runs on Readability's result (see cleanup.ts), as it must: date lines sit next to the
// headline and the standfirst, and taking them out before Readability changes which container it picks.
export const dateline: Rule = { name: 'dateline', match: matchDateline };
