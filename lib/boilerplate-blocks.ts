// A learned last pass over Readability's article: each block (paragraph, heading, list, quote, or a box holding
// its own text) is scored by a logistic model over cheap, named features, and a block the model is confident is
// boilerplate goes, with the features that decided it recorded in `removed`. The hand rules catch what has a
// name (comment sections, players, share bars); this catches what only looks like clutter — a link-heavy tail,
// a short title-case line after the last paragraph, a promo box — on sites no rule was written for.
// The trees are fitted by `npm run train` (scripts/train-blocks.ts) on the tune side of WCXB dev only: a linear
// model over the same features barely beat removing nothing there; shallow trees catch the combinations (a short
// line after the last paragraph, a link list that is not the article's own list).

import { BLOCK_MODEL } from './boilerplate-blocks.weights';
import { collapseWhitespace, recordRemoval } from './rules/rule';
import { comparable } from './text';
import type { Removal } from './types';

/** The features, in the model's order; each name says what it measures. */
export const BLOCK_FEATURES = [
  'log words',
  'link density',
  'ends like a sentence',
  'sentences per 10 words',
  'stop-word share',
  'title-case share',
  'digit share',
  'is a heading',
  'is a list',
  'short line (under 6 words)',
  'position from start',
  'after the last long paragraph',
  'before the first long paragraph',
  'clutter word in class or id',
  'call-to-action words',
  'legal words',
  'repeated sibling shape',
  'share of article text',
  'has a form field',
  'ends with a colon',
] as const;

export type BlockFeatureName = (typeof BLOCK_FEATURES)[number];

/**
 * Boosted decision trees over the features. A split is `[feature, threshold, value, left, right]`: blocks whose
 * feature is ≤ threshold go left; `value` is what the node alone would add (for saying which features decided).
 * A leaf is the number it adds to the log-odds.
 */
export type BlockTree = number | [feature: number, threshold: number, value: number, left: BlockTree, right: BlockTree];

export interface BlockModel {
  /** Log-odds of boilerplate before any tree. */
  base: number;
  /** Each tree's share (the boosting rate). */
  rate: number;
  trees: BlockTree[];
  /** A block goes when the model's probability of boilerplate is at least this. */
  threshold: number;
}

/** One block, its features (none for a block never scored) and its text: what training reads (see `observe`). */
export interface BlockSample {
  features: number[];
  text: string;
}

const HEADING = /^h[1-6]$/;
const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'blockquote', 'pre', 'table', 'figure', 'form']);
const CONTAINER_TAGS = new Set(['div', 'section', 'aside', 'header', 'footer', 'nav', 'article', 'main', 'span', 'center', 'details']);
/** Blocks that are the article's own by their nature: never scored. */
const NEVER_SCORED = new Set(['pre', 'table', 'figure']);
/** A paragraph this long is the article's prose: it marks where the body starts and ends. */
const LONG_PARAGRAPH_WORDS = 40;
/** Link density under which a long block that ends like a sentence is prose, never scored. */
const PROSE_MAX_LINK_DENSITY = 0.2;

const WORD = /[\p{L}\p{N}]+/gu;
/** Function words of the languages first served (en, fr) and a few others: prose has many, labels few. */
const STOP_WORDS = new Set(
  ('the a an and or but of to in on at for with by from as is are was were be been it its this that these those ' +
    'he she they we you i his her their our not no have has had will would can could which who what when there ' +
    'le la les un une des du de et ou mais en au aux pour par sur dans avec est sont était il elle ils elles ' +
    'nous vous on qui que quoi ne pas ce cette ces son sa ses leur leurs se ' +
    'el los las y o en por con es un una del al lo que ' +
    'der die das und oder ein eine ist sind mit von zu im den dem nicht auf für ' +
    'il lo gli di che è per con non una ' +
    'o os as e do da dos das em um uma que não com para')
    .split(' '),
);
const CLUTTER_NAMES =
  /(^|[\s_-])(share|sharing|social|related|recommend\w*|newsletter|subscri\w*|signup|promo\w*|sponsor\w*|advert\w*|ads?|author|bio|byline|tags?|comments?|footer|nav\w*|meta|widget|sidebar|cta|banner|popup|more|follow|donat\w*|outbrain|taboola|teaser|card|breadcrumbs?)(?=$|[\s_-]|\d)/;
const CALL_TO_ACTION =
  /\b(subscribe|sign up|newsletter|follow us|share (this|on)|click here|read more|learn more|download|register|join (us|our|the)|sign in|log in|support us|donate|abonnez|inscri|newsletter|partagez|suivez|lire aussi|lire la suite|en savoir plus|à lire aussi|voir aussi|related|recommended|you may also|don't miss|trending|most popular|advertisement|publicité|sponsored)\b/giu;
const LEGAL = /(©|\bcopyright\b|all rights reserved|tous droits réservés|\bprivacy\b|\bterms of\b|\bcookies?\b|affiliate|commission|disclaimer|\bdisclosure\b)/giu;
const SENTENCE_END = /[.!?…。！？]["'»”’)\]]*$/u;

/** Characters of the page's summary a block must hold to be its lead (as lib/lead.ts). */
const SUMMARY_PREFIX_CHARS = 60;

/**
 * Scores the blocks of `article` and removes those the model takes for boilerplate (never the only block, never
 * more than a third of the article's words, never the page's own summary: a standfirst looks like a promo line
 * to the features), recording each with the features that weighed most. `observe` (training, debug) receives
 * every candidate's features and text, and the model then removes nothing.
 */
export function removeBoilerplateBlocks(
  article: Element,
  removed: Removal[],
  options: { model?: BlockModel; observe?: (sample: BlockSample) => void; summary?: string | null } = {},
): void {
  const model = options.model ?? BLOCK_MODEL;
  const summaryStart = options.summary ? comparable(options.summary).slice(0, SUMMARY_PREFIX_CHARS) : '';
  const blocks = collectBlocks(article);
  if (blocks.length < 2) return;
  const features = blockFeatures(blocks, article);
  if (options.observe) {
    // Blocks never scored are observed without features: they still count in the article's words.
    blocks.forEach((block, i) => options.observe!({ features: NEVER_SCORED.has(block.el.localName) ? [] : features[i], text: block.text }));
    return;
  }
  const totalWords = blocks.reduce((sum, block) => sum + block.words, 0);
  let removedWords = 0;
  blocks.forEach((block, i) => {
    if (NEVER_SCORED.has(block.el.localName) || !isJudged(features[i])) return;
    const { probability, reasons } = scoreBlock(model, features[i]);
    if (probability < model.threshold) return;
    if ((removedWords + block.words) * 3 > totalWords) return;
    if (summaryStart.length >= 40 && comparable(block.text).includes(summaryStart)) return;
    removedWords += block.words;
    recordRemoval(removed, 'boilerplate-model', `looks like boilerplate (p=${probability.toFixed(2)}: ${reasons})`, block.el);
    block.el.remove();
  });
}

/**
 * The model's probability that a block is boilerplate, and the two features that pushed it most: each split on
 * the block's path credits its feature with the change it made (Saabas' attribution).
 */
export function scoreBlock(model: BlockModel, features: number[]): { probability: number; reasons: string } {
  let z = model.base;
  const pushes = new Array<number>(features.length).fill(0);
  for (const tree of model.trees) {
    let node: BlockTree = tree;
    while (typeof node !== 'number') {
      const [feature, threshold, value, left, right] = node;
      const child: BlockTree = features[feature] <= threshold ? left : right;
      pushes[feature] += model.rate * ((typeof child === 'number' ? child : child[2]) - value);
      node = child;
    }
    z += model.rate * node;
  }
  const reasons = pushes
    .map((push, feature) => [push, feature] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 2)
    .map(([, feature]) => BLOCK_FEATURES[feature])
    .join(', ');
  return { probability: 1 / (1 + Math.exp(-z)), reasons };
}

/**
 * Whether the model judges a block: only around the body (before its first long paragraph or after its last),
 * and never a long block that ends like a sentence and is not mostly links. Inside the body, between long
 * paragraphs, a short line is dialogue, a caption or a list item as often as clutter (Readability's test pages:
 * a novel's dialogue and an encyclopedia's sections went), and the hand rules handle what has a name there.
 */
export function isJudged(features: number[]): boolean {
  if (features[FEATURE.afterBody] !== 1 && features[FEATURE.beforeBody] !== 1) return false;
  return !(
    features[FEATURE.words] >= Math.log1p(LONG_PARAGRAPH_WORDS) &&
    features[FEATURE.links] < PROSE_MAX_LINK_DENSITY &&
    features[FEATURE.sentence] === 1
  );
}

const FEATURE = {
  words: BLOCK_FEATURES.indexOf('log words'),
  links: BLOCK_FEATURES.indexOf('link density'),
  sentence: BLOCK_FEATURES.indexOf('ends like a sentence'),
  afterBody: BLOCK_FEATURES.indexOf('after the last long paragraph'),
  beforeBody: BLOCK_FEATURES.indexOf('before the first long paragraph'),
};

interface Block {
  el: Element;
  text: string;
  words: number;
  linkChars: number;
}

/**
 * The article's blocks in document order: block-level elements, and containers that hold text of their own
 * (a div with a text node) when they hold no block-level element. Blocks do not nest.
 */
function collectBlocks(article: Element): Block[] {
  const blocks: Block[] = [];
  const visit = (el: Element) => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      const tag = child.localName;
      if (BLOCK_TAGS.has(tag) || (CONTAINER_TAGS.has(tag) && isTextBox(child))) {
        const text = collapseWhitespace(child.textContent ?? '');
        if (text) blocks.push({ el: child, text, words: countWords(text), linkChars: linkTextLength(child) });
      } else if (CONTAINER_TAGS.has(tag)) {
        visit(child);
      }
    }
  };
  visit(article);
  return blocks;
}

/** A container that is a block itself: text of its own beside its children, and no block-level child. */
function isTextBox(el: Element): boolean {
  let ownText = false;
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && /\S/.test(node.nodeValue ?? '')) ownText = true;
    else if (node.nodeType === 1) {
      const tag = (node as Element).localName;
      if (BLOCK_TAGS.has(tag) || (CONTAINER_TAGS.has(tag) && !isInline(node as Element))) return false;
    }
  }
  return ownText;
}

function isInline(el: Element): boolean {
  return el.localName === 'span';
}

function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

function linkTextLength(el: Element): number {
  let length = 0;
  for (const link of el.querySelectorAll('a')) length += collapseWhitespace(link.textContent ?? '').length;
  return length;
}

function blockFeatures(blocks: Block[], article: Element): number[][] {
  const long = blocks.map((block) => block.el.localName === 'p' && block.words >= LONG_PARAGRAPH_WORDS);
  const firstLong = long.indexOf(true);
  const lastLong = long.lastIndexOf(true);
  const totalChars = blocks.reduce((sum, block) => sum + block.text.length, 0) || 1;
  return blocks.map((block, i) => {
    const { el, text, words } = block;
    const tokens = text.match(WORD) ?? [];
    const stop = tokens.filter((token) => STOP_WORDS.has(token.toLowerCase())).length;
    const titleCase = tokens.filter((token) => /^\p{Lu}/u.test(token)).length;
    const digits = (text.match(/\p{N}/gu)?.length ?? 0) / text.length;
    const sentences = text.match(/[.!?…。！？](\s|$)/gu)?.length ?? 0;
    const feature: Record<BlockFeatureName, number> = {
      'log words': Math.log1p(words),
      'link density': Math.min(1, block.linkChars / text.length),
      'ends like a sentence': SENTENCE_END.test(text) ? 1 : 0,
      'sentences per 10 words': words ? Math.min(3, (sentences * 10) / words) : 0,
      'stop-word share': tokens.length ? stop / tokens.length : 0,
      'title-case share': tokens.length ? titleCase / tokens.length : 0,
      'digit share': digits,
      'is a heading': HEADING.test(el.localName) ? 1 : 0,
      'is a list': el.localName === 'ul' || el.localName === 'ol' || el.localName === 'dl' ? 1 : 0,
      'short line (under 6 words)': words < 6 ? 1 : 0,
      'position from start': blocks.length > 1 ? i / (blocks.length - 1) : 0,
      'after the last long paragraph': lastLong >= 0 && i > lastLong ? 1 : 0,
      'before the first long paragraph': firstLong >= 0 && i < firstLong ? 1 : 0,
      'clutter word in class or id': clutterNamed(el, article) ? 1 : 0,
      'call-to-action words': Math.min(3, text.match(CALL_TO_ACTION)?.length ?? 0),
      'legal words': Math.min(3, text.match(LEGAL)?.length ?? 0),
      'repeated sibling shape': repeatedShape(el),
      'share of article text': text.length / totalChars,
      'has a form field': el.querySelector('input, select, textarea, button') ? 1 : 0,
      'ends with a colon': /:\s*$/.test(text) ? 1 : 0,
    };
    return BLOCK_FEATURES.map((name) => feature[name]);
  });
}

/** Whether the block or a container of it inside the article is named like clutter (class, id). */
function clutterNamed(el: Element, article: Element): boolean {
  for (let node: Element | null = el; node && node !== article; node = node.parentElement) {
    const names = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`.toLowerCase();
    if (names.trim() && CLUTTER_NAMES.test(names)) return true;
  }
  return false;
}

/** Share of the block's siblings with its tag and class (cards in a teaser grid repeat their shape), up to 1. */
function repeatedShape(el: Element): number {
  const parent = el.parentElement;
  if (!parent) return 0;
  const shape = `${el.localName}.${el.getAttribute('class') ?? ''}`;
  let same = 0;
  let all = 0;
  for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
    all++;
    if (sibling !== el && `${sibling.localName}.${sibling.getAttribute('class') ?? ''}` === shape) same++;
  }
  return all > 1 ? same / (all - 1) : 0;
}
