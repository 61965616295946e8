// Clean-up before Readability: posts from social networks embedded in the story become static quotes — the
// post's text, its author and handle, its date, and a link to the original — built from the blockquote markup
// each network publishes for embedding (X/Twitter, Bluesky, Mastodon, Threads, Instagram, Facebook, TikTok).
// Their widget scripts would replace it with an iframe loading from the network; here nothing loads. A widget
// that already ran left only its iframe: the quote is then the link to the original post.
// The post's links (hashtags, mentions) keep their text only: one link, to the original, stays.

import { collapseSpaces } from './text';
import { recordRemoval } from './rules/rule';
import type { Removal } from './types';

const RULE = 'embedded-posts';

interface Post {
  network: string;
  /** Paragraphs of the post's text (may be empty: Threads and Mastodon publish no text). */
  paragraphs: Node[][];
  /** "Name (@handle)", as the embed gives it. */
  author: string;
  date: string;
  url: string;
}

interface EmbedKind {
  network: string;
  selector: string;
  read(el: Element): Post | null;
}

const EMBEDS: EmbedKind[] = [
  { network: 'X', selector: 'blockquote.twitter-tweet, blockquote.twitter-video', read: (el) => readDashQuote(el, 'X', /\/status(?:es)?\/\d+/) },
  { network: 'Bluesky', selector: 'blockquote.bluesky-embed', read: (el) => readDashQuote(el, 'Bluesky', /\/post\//, el.getAttribute('data-bluesky-uri')) },
  { network: 'Mastodon', selector: 'blockquote.mastodon-embed', read: (el) => readCard(el, 'Mastodon', el.getAttribute('data-embed-url')?.replace(/\/embed\/?$/, '')) },
  { network: 'Threads', selector: 'blockquote.text-post-media', read: (el) => readCard(el, 'Threads', el.getAttribute('data-text-post-permalink')) },
  { network: 'Instagram', selector: 'blockquote.instagram-media', read: readInstagram },
  { network: 'Facebook', selector: 'blockquote.fb-xfbml-parse-ignore', read: readFacebook },
  { network: 'TikTok', selector: 'blockquote.tiktok-embed', read: readTikTok },
];

/** Iframes a widget script left: where the original post is. */
const RENDERED: { network: string; src: RegExp; url(match: RegExpMatchArray, src: string): string | null }[] = [
  { network: 'X', src: /^https:\/\/platform\.twitter\.com\/embed\/Tweet\.html\?(?:.*&)?id=(\d+)/, url: (m) => `https://x.com/i/status/${m[1]}` },
  { network: 'Bluesky', src: /^https:\/\/embed\.bsky\.app\/embed\/(did:[\w:.-]+)\/app\.bsky\.feed\.post\/(\w+)/, url: (m) => `https://bsky.app/profile/${m[1]}/post/${m[2]}` },
  { network: 'Instagram', src: /^https:\/\/www\.instagram\.com\/(p|reel|tv)\/([\w-]+)\/embed/, url: (m) => `https://www.instagram.com/${m[1]}/${m[2]}/` },
  { network: 'Threads', src: /^https:\/\/www\.threads\.(?:net|com)\/(@[\w.]+\/post\/[\w-]+)\/embed/, url: (m) => `https://www.threads.net/${m[1]}` },
  { network: 'Facebook', src: /^https:\/\/www\.facebook\.com\/plugins\/post\.php\?(?:.*&)?href=([^&]+)/, url: (m) => safeDecode(m[1]) },
  { network: 'Mastodon', src: /^(https:\/\/[\w.-]+\/@[\w.]+\/\d+)\/embed$/, url: (m) => m[1] },
];

/** Replaces every embedded post under `root` by a static quote; returns how many. */
export function staticEmbeddedPosts(root: Element, removed: Removal[]): number {
  let count = 0;
  for (const kind of EMBEDS) {
    for (const el of Array.from(root.querySelectorAll(kind.selector))) {
      if (!el.isConnected) continue;
      const post = kind.read(el);
      if (!post) continue;
      // The wrapper the network asks for (Facebook's div.fb-post) goes with it.
      const target = el.parentElement?.matches('.fb-post, .fb-xfbml-parse-ignore') ? el.parentElement : el;
      recordRemoval(removed, RULE, `${post.network} post made a static quote`, el);
      target.replaceWith(quoteOf(post, el.ownerDocument));
      count++;
    }
  }
  for (const iframe of Array.from(root.getElementsByTagName('iframe'))) {
    const src = iframe.getAttribute('src') ?? iframe.getAttribute('data-src') ?? '';
    for (const rendered of RENDERED) {
      const match = src.match(rendered.src);
      const url = match ? rendered.url(match, src) : null;
      if (!url || !/^https:\/\//.test(url)) continue;
      recordRemoval(removed, RULE, `${rendered.network} post widget made a link`, iframe);
      iframe.replaceWith(quoteOf({ network: rendered.network, paragraphs: [], author: handleIn(url) ?? '', date: '', url }, iframe.ownerDocument));
      count++;
      break;
    }
  }
  // Their widget scripts load from the network: never kept (Readability and the sanitizer drop scripts too).
  // Matched by hand: jsdom's selector engine takes 30 times longer over `script[src*="…"]` (15 ms a page, CLI).
  for (const script of Array.from(root.getElementsByTagName('script'))) {
    const src = script.getAttribute('src') ?? '';
    if (WIDGET_SCRIPTS.some((part) => src.includes(part))) script.remove();
  }
  return count;
}

const WIDGET_SCRIPTS = ['platform.twitter.com/widgets.js', 'embed.bsky.app/static/embed.js', '/embed.js', 'connect.facebook.net'];

/**
 * X and Bluesky (and Mastodon's older markup): `<p>text</p> — Name (@handle) <a href="permalink">date</a>`.
 * The last link to a post is the permalink; what stands outside the paragraphs, but that link, is the author.
 */
function readDashQuote(el: Element, network: string, permalink: RegExp, fallbackUrl: string | null = null): Post | null {
  const links = Array.from(el.querySelectorAll('a[href]')).filter((a) => !a.closest('p') && permalink.test(a.getAttribute('href') ?? ''));
  const link = links[links.length - 1];
  const url = link?.getAttribute('href') ?? atUriUrl(fallbackUrl);
  if (!url) return null;
  const paragraphs = Array.from(el.querySelectorAll('p')).map((p) => postText(p, permalink));
  let author = '';
  for (const node of Array.from(el.childNodes)) {
    if (node === link || (node.nodeType === 1 && (node as Element).localName === 'p')) continue;
    author += node.textContent ?? '';
  }
  return { network, paragraphs, author: cleanAuthor(author), date: collapseSpaces(link?.textContent ?? ''), url };
}

/** Threads and Mastodon publish a card without the text: "Post by @handle", "View on Threads". */
function readCard(el: Element, network: string, permalink: string | null | undefined): Post | null {
  const url = permalink ?? el.querySelector('a[href]')?.getAttribute('href');
  if (!url) return null;
  const text = collapseSpaces(el.textContent ?? '');
  const author = text.match(/@[\w.-]+(?:@[\w.-]+\.\w+)?/)?.[0] ?? handleIn(url) ?? '';
  return { network, paragraphs: [], author, date: '', url };
}

/**
 * Instagram: the caption in a paragraph (captioned embeds), then "A post shared by Name (@handle) on <time>"
 * (the words in the page's language); an uncaptioned embed only names the account.
 */
function readInstagram(el: Element): Post | null {
  const url = el.getAttribute('data-instgrm-permalink') ?? el.querySelector('a[href*="instagram.com/"]')?.getAttribute('href');
  if (!url) return null;
  const paragraphs: Node[][] = [];
  let author = '';
  let date = '';
  const ps = Array.from(el.querySelectorAll('p'));
  for (const p of ps) {
    const time = p.querySelector('time');
    const text = collapseSpaces(p.textContent ?? '');
    if (time || SHARED_BY.test(text) || (ps.length === 1 && /\(@[\w.]+\)/.test(text))) {
      date = collapseSpaces(time?.textContent ?? '');
      const beforeDate = date && text.endsWith(date) ? text.slice(0, -date.length) : text;
      author = cleanAuthor(beforeDate.replace(new RegExp(`^.*?${SHARED_BY.source}\\s*`, 'i'), ''));
    } else {
      paragraphs.push(postText(p, /instagram\.com\/p\//));
    }
  }
  return { network: 'Instagram', paragraphs, author: author || (handleIn(url) ?? ''), date, url: withoutTracking(url) };
}

/** "A post shared by", in the languages of the embed's page. */
const SHARED_BY = /(?:shared by|partagée? par|geteilt von|compartida por|condiviso da|compartilhada por)/i;

/** Facebook: `<p>text</p>Posted by <a>Name</a> on <a href="permalink">date</a>` (words in the page's language). */
function readFacebook(el: Element): Post | null {
  const links = Array.from(el.querySelectorAll('a[href]')).filter((a) => !a.closest('p'));
  const permalink = links[links.length - 1];
  const url = permalink?.getAttribute('href') ?? el.getAttribute('cite');
  if (!url) return null;
  const author = links.length > 1 ? collapseSpaces(links[0].textContent ?? '') : '';
  return {
    network: 'Facebook',
    paragraphs: Array.from(el.querySelectorAll('p')).map((p) => postText(p, /facebook\.com/)),
    author,
    date: collapseSpaces(permalink?.textContent ?? ''),
    url: el.getAttribute('cite') ?? url,
  };
}

/** TikTok: `<section><a>@handle</a> caption #tags <a>♬ sound</a></section>`, the post's address in `cite`. */
function readTikTok(el: Element): Post | null {
  const url = el.getAttribute('cite');
  if (!url) return null;
  const section = el.querySelector('section') ?? el;
  const links = Array.from(section.querySelectorAll('a'));
  const handle = links.find((a) => /^@/.test(collapseSpaces(a.textContent ?? '')));
  const sound = links.find((a) => /^♬/.test(collapseSpaces(a.textContent ?? '')));
  const copy = section.cloneNode(true) as Element;
  const copyLinks = Array.from(copy.querySelectorAll('a'));
  for (const [i, a] of links.entries()) if (a === handle || a === sound) copyLinks[i].remove();
  for (const p of Array.from(copy.querySelectorAll('p'))) if (!collapseSpaces(p.textContent ?? '')) p.remove();
  const paragraphs = collapseSpaces(copy.textContent ?? '') ? [postText(copy, /tiktok\.com/)] : [];
  return { network: 'TikTok', paragraphs, author: collapseSpaces(handle?.textContent ?? '') || (handleIn(url) ?? ''), date: '', url };
}

/** The post's text as plain nodes: links become their text (but a pointer to media not shown here goes:
 *  Bluesky's "[image or embed]", X's "pic.twitter.com/…"). */
function postText(p: Element, pointer: RegExp): Node[] {
  const copy = p.cloneNode(true) as Element;
  for (const a of Array.from(copy.querySelectorAll('a'))) {
    const text = collapseSpaces(a.textContent ?? '');
    if ((/^\[.*\]$/.test(text) && pointer.test(a.getAttribute('href') ?? '')) || /^pic\.(?:twitter|x)\.com\//.test(text)) a.remove();
    else a.replaceWith(...Array.from(a.childNodes));
  }
  for (const el of Array.from(copy.querySelectorAll('img, svg, script, style'))) el.remove();
  return Array.from(copy.childNodes);
}

function quoteOf(post: Post, doc: Document): Element {
  const quote = doc.createElement('blockquote');
  for (const nodes of post.paragraphs) {
    const p = doc.createElement('p');
    p.append(...nodes);
    if (collapseSpaces(p.textContent ?? '')) quote.append(p);
  }
  const footer = doc.createElement('p');
  if (post.author) footer.append(`— ${post.author} · `);
  const link = doc.createElement('a');
  link.setAttribute('href', post.url);
  link.setAttribute('rel', 'noopener noreferrer');
  link.textContent = post.date ? `${post.date} (${post.network})` : post.network;
  footer.append(link);
  quote.append(footer);
  return quote;
}

/** "— Name (@handle)" → "Name (@handle)"; a trailing "on"/"le" before the date goes. */
function cleanAuthor(text: string): string {
  return collapseSpaces(text).replace(/^[—–-]\s*/, '').replace(/\s+(?:on|le|sur|am|el|il)\s*$/i, '');
}

/** `@handle` from a post's address (x.com/handle/status/…, threads.net/@handle/post/…). */
function handleIn(url: string): string | null {
  const match = url.match(/^https?:\/\/[^/]+\/(@?[\w.]+)\/(?:status|post|video)\b/);
  if (!match || match[1] === 'i') return null;
  return match[1].startsWith('@') ? match[1] : `@${match[1]}`;
}

/** Bluesky's `at://did/app.bsky.feed.post/id` as a web address. */
function atUriUrl(uri: string | null): string | null {
  const match = uri?.match(/^at:\/\/(did:[\w:.-]+)\/app\.bsky\.feed\.post\/(\w+)$/);
  return match ? `https://bsky.app/profile/${match[1]}/post/${match[2]}` : null;
}

function withoutTracking(url: string): string {
  return url.replace(/\?utm_[^#]*$/, '');
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
