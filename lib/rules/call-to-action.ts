// Calls to action left in the article: a button or a link standing alone whose words ask the reader to do
// something for the publisher ("Book a demo", "Subscribe", "Request a quote", "Donate", "Je m'abonne"), with the
// small promo box around it (its heading and tagline); and a short paragraph whose link offers a discount ("Get
// $10 off your first order with code…"). A link inside a sentence stays: only a link that is its block's whole
// text, or its last words after a short tagline, is a button.

import { boundedText, climb, type ElementFacts, type Rule, type RuleMatch } from './rule';

const CALL_TO_ACTION = new RegExp(
  '^(?:' +
    [
      'subscribe(?: now| here| today| for free| to [^.!?]{1,40})?',
      'sign up(?: now| here| today| for free| for [^.!?]{1,40})?',
      'join(?: now| free| us| for free| (?:the|our|my) [^.!?]{1,30}| \\S+ for free[^.!?]{0,40})',
      'book (?:a|an|your) (?:free )?(?:demo|call|consultation|meeting|appointment)',
      'request (?:a|an|your) (?:free )?(?:quote|demo|consultation|call|estimate)',
      'get (?:started|in touch|a (?:free )?(?:quote|demo|estimate)|your free [^.!?]{1,30})',
      'start (?:your |a )?free trial',
      'try (?:it |us )?(?:for )?free',
      'donate(?: now| today)?',
      'find your [^.!?]{1,30}',
      'talk to (?:us|an expert|our [^.!?]{1,40})',
      'contact (?:us|sales)',
      'sponsor this [^.!?]{1,30}',
      "je m.abonne|abonnez-vous|s.abonner|je m.inscris|inscrivez-vous|s.inscrire|essayer gratuitement|essai gratuit",
      'demander un devis|prendre rendez-vous|contactez-nous|faire un don',
      'jetzt abonnieren|jetzt spenden|suscríbete|suscribirse|assine já|abbonati',
    ].join('|') +
    ')\\s*[.!→›»>]*$',
  'i',
);

const TRAILING_MARKS = /[\s.!→›»>]+$/;

/** Text before the button in its block ("Let us help you find your best fit university!"). */
const MAX_TAGLINE_CHARS = 100;
/** A promo box is small: a heading, a tagline, the button. */
const MAX_BOX_CHARS = 250;

/** A discount offered through a link: "Get $10 off your first order with code: TryHFLM", "20% off your first box". */
const PROMO_OFFER = /(?:\d+\s?%|[$£€]\s?\d+) off (?:your )?(?:first|next) (?:order|purchase|box|delivery|month)/i;
/** The paragraph around such an offer is the shop's note ("Note from X: … Get started with one of our plans"). */
const MAX_PROMO_PARAGRAPH_CHARS = 500;

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'aside', 'figure']);

function matchCallToAction(el: Element, facts: ElementFacts): RuleMatch | null {
  if (facts.tag === 'p') return facts.paragraphText(MAX_PROMO_PARAGRAPH_CHARS) === null ? null : promoParagraph(el);
  if (facts.tag !== 'a' && facts.tag !== 'button' && el.getAttribute('role') !== 'button') return null;
  const label = facts.shortText;
  if (!label || !CALL_TO_ACTION.test(label)) return null;
  let block: Element | null = el.parentElement;
  while (block && block !== facts.root && !BLOCK_TAGS.has(block.localName)) block = block.parentElement;
  if (!block || block === facts.root) return { reason: `call to action "${label.slice(0, 40)}"` };
  if (!isButtonOf(block, label)) return null;
  const box = climb(block, facts.root, (parent) => boundedText(parent, MAX_BOX_CHARS) !== null);
  return { reason: `call to action "${label.slice(0, 40)}"`, target: box };
}

/** A short paragraph whose link offers a discount: the publisher's shop advertising itself. */
function promoParagraph(paragraph: Element): RuleMatch | null {
  for (const link of Array.from(paragraph.getElementsByTagName('a'))) {
    const offer = boundedText(link, 120);
    if (offer && PROMO_OFFER.test(offer)) return { reason: `promo offer "${offer.slice(0, 40)}"` };
  }
  return null;
}

/** The link is its block's whole text, or its last words after a short tagline: a button, not a sentence's link. */
function isButtonOf(block: Element, label: string): boolean {
  const text = boundedText(block, MAX_TAGLINE_CHARS + label.length + 20);
  if (text === null) return false;
  // Both are whitespace-collapsed already; only trailing arrows and stops may differ.
  const words = label.replace(TRAILING_MARKS, '');
  const blockWords = text.replace(TRAILING_MARKS, '').trimEnd();
  if (!blockWords.endsWith(words)) return false;
  // A tagline is a sentence of its own, not the start of a sentence the link ends ("…please <a>donate</a>"), nor
  // a row of links ("Order Reprints | Today's Paper | Subscribe") or a price ("$610.00 Buy Now").
  const before = blockWords.slice(0, blockWords.length - words.length).trim();
  return before === '' || /[\p{L})][.!?]$/u.test(before);
}

export const callToAction: Rule = { name: 'call-to-action', match: matchCallToAction };
