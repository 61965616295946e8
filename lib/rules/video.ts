// Video and audio clutter: players, player iframes, playlists, posters, "Lire la vidéo"/"Watch" buttons, and
// video cards (a title with a duration such as "04:22"). A duration inside a sentence is article text and
// stays: only an element whose whole text is a duration counts, and only inside a card with media or a link.

import { climb, tokenPattern, SHORT_TEXT_LIMIT, boundedText, type ElementFacts, type Rule, type RuleMatch } from './rule';

const PLAYER_SOURCE =
  /youtube(?:-nocookie)?\.com\/(?:embed|watch|v\/)|youtu\.be\/|dailymotion\.com\/(?:embed|video)|dai\.ly\/|geo\.dailymotion|player\.vimeo\.com|vimeo\.com\/video|jwplayer|jwplatform|jwpcdn|cdn\.jwplayer|players\.brightcove|brightcove\.net|bcove\.|ultimedia\.com|digiteka|wistia|kaltura|vidazoo|dmcdn|player\.twitch|facebook\.com\/plugins\/video|streamable\.com|ooyala|anvato|vidible|videoplayerhub|embed\.ted\.com|soundcloud\.com\/player|w\.soundcloud|open\.spotify\.com\/embed|podcasts?\.apple\.com|acast|ausha|audiomeans|megaphone\.fm|simplecast|art19|omny\.fm|player\.fm|libsyn|spreaker|podbean/i;

const PLAYER_NAMES = tokenPattern(
  'video-player|videoplayer|video-container|video-wrapper|video-embed|video-playlist|playlist|jwplayer|jw-player|' +
    'brightcove|video-js|vjs|dailymotion|youtube-player|youtube-embed|media-player|player-container|audio-player|' +
    'podcast-player|video-poster|poster|video-play|play-button|btn-play|video-title|video-duration',
);

const MEDIA_TAGS = new Set(['video', 'audio']);

/** The whole text is a duration: 04:22, 1:02:33, (3:15), "Durée : 04:22", "4 min 22 s". */
const DURATION = /^(?:(?:durée|duration|dauer|duración|duração|durata)\s*:?\s*)?\(?\d{1,2}:\d{2}(?::\d{2})?\)?(?:\s*min)?$|^\d{1,2}\s*min\s*\d{1,2}\s*s?$/i;

/** Whole-text labels of play buttons (also read from aria-label / title). */
const PLAY_LABEL =
  /^[▶►▷⏵\s]*(?:lire la vidéo|regarder la vidéo|voir la vidéo|lancer la vidéo|écouter|écouter l'émission|watch(?: the)?(?: video| now| live)?|play(?: video| now)?|listen(?: now)?|ver (?:el )?vídeo|reproducir|video ansehen|abspielen|assista(?: ao vídeo)?|assistir|guarda(?: il video)?|riproduci)[▶►▷⏵\s]*$/i;

/** Only a play symbol. */
const PLAY_SYMBOL = /^[▶►▷⏵]+$/;

const CARD_MEDIA = 'img,picture,svg,button,video,iframe,a[href]';

/** Words and markers that say a short text is about a video ("VIDÉO.", "Watch:", "【動画】"). */
const VIDEO_WORD = /vid[ée]o|vídeo|watch|regarder|ansehen|guarda|assista|動画|ビデオ|视频|視頻|فيديو|видео/i;

/** A title that ends with its duration: "【動画】雪に埋もれた市街地 1:45", "Watch: the storm (2:31)". A clock time
 *  after "à", "at", "um"… is a schedule, not a duration. */
const TITLE_WITH_DURATION = /(?<!(?:^|[\s'’])(?:à|a|at|um|alle|às|las|dès|vers|from|until|jusqu'à))\s\(?\d{1,2}:\d{2}(?::\d{2})?\)?$/i;

function matchVideo(el: Element, facts: ElementFacts): RuleMatch | null {
  const { tag } = facts;
  if (MEDIA_TAGS.has(tag)) return { reason: `<${tag}> element`, target: playerCard(el, facts.root) };
  if (tag === 'iframe' || tag === 'embed' || tag === 'object') {
    const src = el.getAttribute('src') ?? el.getAttribute('data-src') ?? el.getAttribute('data') ?? '';
    return PLAYER_SOURCE.test(src) ? { reason: `player ${tag} (${hostOf(src)})`, target: playerCard(el, facts.root) } : null;
  }
  if (PLAYER_NAMES.test(facts.names) && isSmall(el)) {
    return { reason: `video/audio player (${facts.names.match(PLAYER_NAMES)![0].trim()})`, target: playerCard(el, facts.root) };
  }
  if (el.hasAttribute('data-video-id') || el.hasAttribute('data-player') || el.hasAttribute('data-video')) {
    if (isSmall(el)) return { reason: 'video player (data-video attributes)', target: playerCard(el, facts.root) };
  }
  if (tag === 'button' || tag === 'a' || el.getAttribute('role') === 'button') {
    const label = (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '').trim();
    const text = facts.shortText ?? '';
    if (PLAY_LABEL.test(text) || (label && PLAY_LABEL.test(label) && (!text || PLAY_SYMBOL.test(text)))) {
      return { reason: `play button "${(text || label).slice(0, 30)}"` };
    }
  }
  const text = facts.shortText;
  if (!text) return null;
  if (text.length <= 150 && /\d\)?$/.test(text) && VIDEO_WORD.test(text) && TITLE_WITH_DURATION.test(text)) return { reason: 'video title with duration' };
  if (text.length > 30) return null;
  if (PLAY_SYMBOL.test(text)) return { reason: 'play symbol' };
  if (DURATION.test(text) && tag !== 'time' && !el.closest('td,th,table')) {
    const card = climb(el, facts.root, (parent) => boundedText(parent, SHORT_TEXT_LIMIT) !== null);
    // The card's player may already be gone (removed earlier in the walk): its title still says "video".
    if (card !== el && (card.querySelector(CARD_MEDIA) || VIDEO_WORD.test(boundedText(card, SHORT_TEXT_LIMIT) ?? ''))) {
      return { reason: `video card with duration ${text}`, target: card };
    }
    if (/duration|duree|length|timecode/.test(facts.names)) return { reason: `video duration ${text}` };
  }
  return null;
}

/** Containers a player's card is built of (never a paragraph: the prose around a player stays). */
const CARD_TAGS = new Set(['div', 'figure', 'section', 'aside', 'span', 'a', 'header', 'li']);
/** A card's words: a title, a duration, a label ("Reportage : la crue vue du ciel 02:48"). */
const CARD_TEXT_LIMIT = 150;

/**
 * The card a player sits in: its title and duration go with it whatever their words. The largest container
 * around the player that holds only a title's worth of text, and no paragraphs, quotes, lists or section headings.
 */
function playerCard(el: Element, root: Element): Element {
  return climb(el, root, (parent) => CARD_TAGS.has(parent.localName) && boundedText(parent, CARD_TEXT_LIMIT) !== null &&
    !parent.querySelector('p + p, blockquote, h1, h2, ul, ol, table'));
}

/**
 * Players hold a title and a few labels; a wrapper named "video-container" that holds an embedded post
 * (a tweet's blockquote) or paragraphs is content, not a player.
 */
function isSmall(el: Element): boolean {
  return boundedText(el, 250) !== null && !el.querySelector('blockquote,p+p');
}

function hostOf(src: string): string {
  return src.match(/^(?:https?:)?\/\/([^/?#]+)/)?.[1] ?? src.slice(0, 40);
}

export const video: Rule = { name: 'video', match: matchVideo };
