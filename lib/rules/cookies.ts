// Cookie and consent banners. Triggered by a consent button ("Accepter", "Tout accepter", "Accept all",
// "I agree"), the banner is the button's largest ancestor that stays short and speaks of cookies or tracking.
// Named consent platforms (Didomi, OneTrust, Quantcast, tarteaucitron, Cookiebot…) go by name; a bare `cmp-` is
// not one: Adobe Experience Manager prefixes every component with it (`cmp-text`, `cmp-title`).

import { boundedText, climb, tokenPattern, type ElementFacts, type Rule, type RuleMatch } from './rule';

const CONSENT_NAMES = tokenPattern(
  'cookie|cookies|cookie-banner|cookie-notice|cookie-consent|cookiebanner|cookieconsent|consent|gdpr|rgpd|cmpbox|cmpwrapper|didomi|' +
    'onetrust|optanon|qc-cmp2|qc-cmp|tarteaucitron|cookiebot|cybotcookiebotdialog|truste|trustarc|sp_message|usercentrics|axeptio|cc-window|cc-banner|osano',
);

const CONSENT_BUTTON =
  /^(?:tout accepter|accepter(?: et (?:fermer|continuer))?(?: tout| les cookies)?|j'accepte|ok,? j'ai compris|j'ai compris|continuer sans accepter|tout refuser|refuser|paramétrer|personnaliser|gérer (?:mes|les) (?:choix|préférences|cookies)|accept(?: all| cookies| and close| & close)?|i accept|i agree|agree|allow(?: all)?(?: cookies)?|got it|ok|reject all|decline|manage (?:preferences|settings|cookies|options)|cookie settings|alle akzeptieren|akzeptieren|zustimmen|aceptar(?: todo| todas)?|aceitar(?: todos)?|accetta(?: tutto)?|accetto)$/i;

const CONSENT_WORDS = /cookies?|traceurs|trackers|consentement|consent|données personnelles|personal data|vie privée|privacy|datenschutz|privacidad|privacidade/i;

const BANNER_TEXT_LIMIT = 1200;

function matchCookies(el: Element, facts: ElementFacts): RuleMatch | null {
  if (CONSENT_NAMES.test(facts.names) && boundedText(el, 2000) !== null) {
    return { reason: `consent banner (${facts.names.match(CONSENT_NAMES)![0].trim()})` };
  }
  const { tag } = facts;
  if (tag !== 'button' && tag !== 'a' && el.getAttribute('role') !== 'button') return null;
  const text = facts.shortText;
  if (!text || !CONSENT_BUTTON.test(text)) return null;
  const banner = climb(el, facts.root, (parent) => boundedText(parent, BANNER_TEXT_LIMIT) !== null);
  if (banner === el) return null;
  const bannerText = boundedText(banner, BANNER_TEXT_LIMIT) ?? '';
  return CONSENT_WORDS.test(bannerText) ? { reason: 'cookie/consent banner', target: banner } : null;
}

export const cookies: Rule = { name: 'cookies', match: matchCookies };
