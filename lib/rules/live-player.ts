// Live-player bars: "En Direct / ▶ Écouter RTL", "LIVE ▶", sticky radio/TV players. A short element that opens
// with a live label and holds a play control (or a player's name) goes; the word "direct" in a sentence stays.

import { tokenPattern, type ElementFacts, type Rule, type RuleMatch } from './rule';

const LIVE_LABEL = /^(?:🔴\s*)?(?:en direct|direct|live|en vivo|ao vivo|in diretta|diretta|jetzt live|live now|on air|en ce moment)\b/i;

/** The whole text is a live label (a badge on its own). */
const LIVE_BADGE = /^(?:🔴\s*)?(?:en direct|live|en vivo|ao vivo|in diretta|on air|écouter le direct|regarder le direct|listen live|watch live)$/i;

const LIVE_NAMES = tokenPattern('live-bar|livebar|live-player|liveplayer|sticky-player|radio-player|live-stream|livestream|player-bar|playerbar');

function matchLivePlayer(el: Element, facts: ElementFacts): RuleMatch | null {
  const text = facts.shortText;
  if (LIVE_NAMES.test(facts.names) && text !== null) return { reason: 'live-player bar (named)' };
  if (!text || text.length > 100) return null;
  if (LIVE_BADGE.test(text)) return { reason: `live badge "${text}"` };
  if (LIVE_LABEL.test(text) && el.querySelector('button,audio,video,[role=button],svg')) {
    return { reason: `live-player bar "${text.slice(0, 40)}"` };
  }
  return null;
}

export const livePlayer: Rule = { name: 'live-player', match: matchLivePlayer };
