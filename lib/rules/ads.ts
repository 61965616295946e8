// Ad slots and their labels: GPT/DFP containers, AdSense `ins`, ad-network iframes, `data-ad-*` slots, and
// elements whose whole text is an ad label ("Publicité", "Advertisement", "Story continues below", "In partnership
// with").

import { boundedText, tokenPattern, type ElementFacts, type Rule, type RuleMatch } from './rule';

const AD_NAMES = tokenPattern(
  'ad|ads|adv|advert|adverts|advertisement|advertising|adslot|ad-slot|adunit|ad-unit|ad-container|ad-wrapper|adwrapper|' +
    'adsbygoogle|dfp|gpt-ad|banner-ad|google-ad|googlead|publicite|publicité|sponsor|sponsored|sponsorise|native-ad|' +
    'teads|smartad|sas|mpu|leaderboard|skyscraper|billboard|inread|outstream|dfp-ad|ad-banner|adbanner|adblock|ligatus',
);

const AD_SOURCE = /doubleclick\.net|googlesyndication|googleadservices|amazon-adsystem|adnxs|criteo|smartadserver|taboola|outbrain|teads\.tv|adform|rubiconproject|pubmatic|moatads|2mdn\.net/i;

const AD_LABEL =
  /^(?:publicité|publicite|pub|advertisement|advertising|ad|ads|sponsored|sponsorisé|contenu sponsorisé|partenaire|anzeige|werbung|publicidad|publicidade|pubblicità|annonce|reklame|(?:article|story) continues (?:below|after)(?: (?:this )?(?:ad|advertisement))?|advertisement - (?:scroll|continue reading)(?: below)?|la suite après (?:cette )?(?:publicité|la publicité)|suite de l'article après (?:cette )?(?:publicité|la publicité)|scroll to continue(?: with content)?|in partnership with|en partenariat avec|sponsored by|brought to you by|paid post|partner content)$/i;

function matchAds(el: Element, facts: ElementFacts): RuleMatch | null {
  const { tag } = facts;
  if (tag === 'ins' && facts.names.includes('adsbygoogle')) return { reason: 'AdSense slot' };
  if (tag === 'iframe' || tag === 'img') {
    const src = el.getAttribute('src') ?? el.getAttribute('data-src') ?? '';
    return AD_SOURCE.test(src) ? { reason: `ad network ${tag}` } : null;
  }
  if (el.hasAttribute('data-ad-slot') || el.hasAttribute('data-ad-unit') || el.hasAttribute('data-google-query-id') || /^div-gpt-ad/.test(el.id)) {
    return isSmall(el) ? { reason: 'ad slot (data attributes)' } : null;
  }
  if (AD_NAMES.test(facts.names) && !CONTENT_TAGS.has(tag) && isSmall(el)) return { reason: `ad slot (${facts.names.match(AD_NAMES)![0].trim()})` };
  const text = facts.shortText;
  if (text && text.length <= 60 && AD_LABEL.test(text)) return { reason: `ad label "${text}"` };
  return null;
}

/** Headings and paragraphs are text, never slots: page builders name them `kt-adv-heading` ("advanced"). */
const CONTENT_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);

/** An ad slot holds a label and a creative, not paragraphs: guard against a wrapper named e.g. "has-ads". */
function isSmall(el: Element): boolean {
  return boundedText(el, 300) !== null;
}

export const ads: Rule = { name: 'ads', match: matchAds };
