// Newsletter and paywall prompts: "Inscrivez-vous à notre newsletter", "Sign up for our newsletter",
// "Réservé aux abonnés", "Subscribe to continue reading", "Already a subscriber? Log in". Sentences that only
// appear in such prompts, in a short element, or a small sign-up form with an e-mail field.

import { boundedText, climb, sectionOpenedBy, tokenPattern, type ElementFacts, type Rule, type RuleMatch } from './rule';

const NEWSLETTER_PROMPT = new RegExp(
  [
    '(?:inscrivez-vous|abonnez-vous|inscription) (?:à|a) (?:notre|la|nos) newsletters?',
    'recevez (?:notre|la|nos|chaque|gratuitement) .{0,60}(?:newsletter|par e-?mail|dans votre (?:boîte|boite))',
    '(?:sign up|subscribe|register) (?:for|to) (?:our|the|my) .{0,40}(?:newsletters?|mailing list|digest|briefing)',
    'get (?:our|the) .{0,50}(?:newsletter|in your inbox|delivered to your inbox)',
    'delivered (?:straight )?to your inbox',
    '^join (?:our|my|the) .{0,20}(?:mailing list|newsletter|e-?mail list)',
    '^join (?:our|my|the) .{0,30}facebook group',
    '^stay connected(?: with (?:me|us))?\\W*$',
    'newsletter abonnieren|melden sie sich für (?:unseren|den) newsletter',
    'suscríbete a (?:nuestro|la) (?:newsletter|boletín)',
    'assine (?:a|nossa) newsletter',
    'iscriviti alla (?:nostra )?newsletter',
    '^newsletters?$',
    '^(?:suivez|retrouvez)[- ]nous sur',
    '^follow [A-Z][\\w.]+ on (?:twitter|facebook|instagram|linkedin|youtube|tiktok|social)',
    '\\bfollow us on (?:twitter|facebook|instagram|linkedin|youtube|tiktok|social)',
    '^(?:add (?:us )?as a preferred source on google|(?:favou?rite|follow|find) us on google news|favou?rite on google news)\\W*$',
    'subscribe to (?:our|the) .{0,40}(?:youtube|channel|podcast|magazine|sister title)',
    '(?:download|get) (?:the|our) .{0,30}app\\b.{0,40}$',
    'téléchargez (?:l.application|notre application)',
  ].join('|'),
  'i',
);

const PAYWALL_PROMPT = new RegExp(
  [
    'réservée? aux abonnés',
    'abonnez-vous pour (?:lire|continuer|accéder|débloquer)',
    'déjà abonné',
    "il vous reste \\d+% de l'article",
    'la suite (?:de cet article )?est réservée',
    'offre (?:spéciale|découverte|d.abonnement)',
    'je m.abonne',
    'subscribe (?:now )?to (?:continue|keep) reading',
    '(?:already|are you) a subscriber',
    'this (?:article|content|story) is (?:only )?(?:available|reserved|exclusive) (?:to|for) (?:\\S+ )?subscribers',
    '^subscribe to (?:get access|unlock|read more)',
    'subscribers only',
    'start your free trial',
    "you(?:'ve| have) reached (?:your|the) (?:limit|maximum)",
    'free articles? (?:left|remaining)',
    'to continue reading,? (?:subscribe|log in|sign in|register)',
    'create a free account to (?:continue|read)',
    'subscribe for (?:full|unlimited) access',
    'nur für abonnenten|jetzt abonnieren|bereits abonnent',
    'contenido exclusivo para suscriptores|ya eres suscriptor|suscríbete para seguir leyendo',
    'conteúdo exclusivo para assinantes|já é assinante|assine para continuar',
    'contenuto riservato agli abbonati|sei già abbonato|abbonati per continuare',
  ].join('|'),
  'i',
);

/** Reader-revenue appeals ("Support the Daily Courier", "Soutenez la rédaction"): whole heading. */
const SUPPORT_HEADING =
  /^(?:this (?:story|article|journalism) (?:is|was) (?:funded|made possible) by readers(?: like you)?|support (?:us|the [^.!?]{1,40}|our journalism|independent journalism)|become a (?:member|supporter|subscriber)|soutenez(?:-nous| la rédaction| [^.!?]{1,40})|faites un don|unterstützen sie (?:uns|[^.!?]{1,40})|apóyanos|apoie o [^.!?]{1,30}|sostienici)\s*[.!:]?$/i;

const SUPPORT_PROMPT = /support us from just|we have a small favou?r to ask|support (?:our|independent) journalism|make a (?:contribution|donation)|contribute (?:now|today)|soutenez notre journalisme|faites un don (?:à|pour)|unabhängigen journalismus unterstützen/i;

const PROMPT_NAMES = tokenPattern(
  'newsletter|newsletters|newsletter-signup|newsletter-form|nl-signup|signup-form|subscribe-form|subscription-form|' +
    'contributions|contribution-epic|donate|donation|support-us|membership-prompt|paywall|pay-wall|premium-banner|subscriber-only|subscription-prompt|regwall|piano|tp-container|meteredcontent|inline-subscribe',
);

/**
 * A closing paragraph that pitches the newsletter or asks to share, longer than a label: "The free weekly Insider
 * email is … Subscribe here.", "… produced by The Hechinger Report. Sign up for Proof Points and other Hechinger
 * newsletters.", "If you liked this article, please consider liking, sharing, and subscribing…".
 */
const PROMPT_PARAGRAPH = new RegExp(
  [
    '\\b(?:newsletters?|e-?mail|inbox)\\b.{0,300}\\b(?:subscribe|sign up|register) (?:here|now|today)\\W*$',
    '\\bsign up for [^.!?]{0,60}\\bnewsletters?\\W*$',
    '\\bif you (?:liked|enjoyed|like|enjoy) (?:this|the|my|our) (?:article|post|story|piece|newsletter)\\b[^.!?]{0,20}(?:please )?consider (?:liking|sharing|subscribing|supporting)',
  ].join('|'),
  'i',
);

/** Prompts are short; some carry a paragraph of pitch and a form. */
const PROMPT_TEXT_LIMIT = 400;

function matchNewsletter(el: Element, facts: ElementFacts): RuleMatch | null {
  const { tag } = facts;
  if (PROMPT_NAMES.test(facts.names) && boundedText(el, 1000) !== null) {
    return { reason: `newsletter/paywall prompt (${facts.names.match(PROMPT_NAMES)![0].trim()})` };
  }
  if (tag === 'input' && el.getAttribute('type') === 'email') {
    const form = el.closest('form');
    if (form && facts.root.contains(form)) {
      const box = climb(form, facts.root, (parent) => boundedText(parent, PROMPT_TEXT_LIMIT) !== null);
      return { reason: 'e-mail sign-up form', target: box };
    }
  }
  const text = facts.shortText;
  if (text) {
    const heading = facts.headingText;
    if (heading && SUPPORT_HEADING.test(heading)) {
      return { reason: `support appeal "${heading.slice(0, 40)}"`, target: sectionOpenedBy(el, facts.root) };
    }
    if (SUPPORT_PROMPT.test(text)) return { reason: `support appeal "${text.slice(0, 40)}"` };
    if (PAYWALL_PROMPT.test(text)) return { reason: `paywall prompt "${text.slice(0, 40)}"` };
    if (NEWSLETTER_PROMPT.test(text)) return { reason: `newsletter prompt "${text.slice(0, 40)}"` };
  }
  if (tag !== 'p') return null;
  const paragraph = facts.paragraphText(PROMPT_TEXT_LIMIT);
  return paragraph && PROMPT_PARAGRAPH.test(paragraph) ? { reason: `newsletter prompt "${paragraph.slice(0, 40)}"` } : null;
}

export const newsletter: Rule = { name: 'newsletter', match: matchNewsletter };
