// Comment sections, comment counters and the prompts around them (login, report, "be the first"), in French,
// English and a few more languages. Matched on words and structure so hashed class names do not hide them;
// names (`#comments`, Disqus, Facebook) are a shortcut, not a requirement.

import { sectionOpenedBy, tokenPattern, type ElementFacts, type Rule, type RuleMatch } from './rule';

const COMMENT_NAMES = tokenPattern(
  'comments|commentaires|comment-list|commentlist|comment-section|comments-section|comments-area|comment-respond|' +
    'respond|disqus|disqus_thread|fb-comments|reactions|coral-talk|spot-im|spotim|viafoura|livefyre|openweb',
);

/** Names that say something about comments without being the comment section (a flag on the article wrapper). */
const COMMENT_FLAG_NAMES = /(?:has|no|with|allow|allows|enable|enabled|show|open|closed)[-_]comments?|comments?[-_](?:open|closed|count|number|enabled|allowed|status)/;

const COMMENT_EMBED_SOURCE = /disqus\.com|facebook\.com\/plugins\/comments|spot\.im|viafoura|livefyre|coral/;

/** A heading that opens a comment section: the whole heading says so. */
const COMMENT_HEADING = new RegExp(
  '^(?:\\d+\\s+)?(?:commentaires?|comments?|vos réactions|vos commentaires|leave a (?:reply|comment)|' +
    'laisser un commentaire|laissez un commentaire|ajouter un commentaire|post a comment|add a comment|' +
    'join the (?:discussion|conversation)|réagir|réagissez|\\d+ (?:responses|replies|thoughts on .*)|' +
    'kommentare|kommentar schreiben|comentarios|deja un comentario|comentários|deixe um comentário|commenti|lascia un commento)' +
    '(?:\\s*\\(\\d+\\))?\\s*:?$',
  'i',
);

/** Sentences that only ever appear in comment or login furniture, wherever they sit in a short element. */
const COMMENT_PROMPT = new RegExp(
  [
    'vous identifier pour (?:laisser|poster|publier|réagir)',
    'signaler (?:un|ce) commentaire',
    'be the first to (?:comment|reply|respond)',
    'soyez le premier à (?:commenter|réagir)',
    "afin d'assurer la sécurité et la qualité de ce site",
    'cette inscription sera valable',
    'you must be (?:logged|signed) in to (?:post|leave) a comment',
    '(?:log|sign) in to (?:comment|leave a comment|join the conversation)',
    'comments are closed',
    'commenting is (?:closed|disabled)',
    'les commentaires sont (?:fermés|clos|désactivés)',
    'your email address will not be published',
    'votre adresse (?:e-?mail|de messagerie) ne sera pas publiée',
    'required fields are marked',
    'les champs obligatoires sont indiqués',
    'connectez-vous pour (?:commenter|réagir)',
    'inscrivez-vous pour (?:commenter|réagir)',
    'this discussion is now closed',
    'we welcome comments',
    'report (?:this )?comment',
    'show \\d+ (?:more )?comments?',
    'view (?:all )?\\d* ?comments',
    'voir (?:les )?\\d* ?(?:commentaires|réactions)',
    'afficher (?:les )?\\d* ?commentaires',
    '(?:load|show|read) (?:more )?comments',
  ].join('|'),
  'i',
);

/** A closing paragraph asking for a rating or a comment on a recipe ("Did you make one of my recipes? Please…"). */
const RATING_PROMPT = /\bdid you (?:make|try|cook|bake) (?:this|one of (?:my|our|these)) recipes?\?|\bplease (?:take a (?:moment|minute|second) to )?(?:leave a (?:star )?rating|rate (?:this|the) recipe)\b|^rate (?:this|the) recipe\W*$/i;
const MAX_RATING_PROMPT_CHARS = 400;

/** Whole-text labels: comment counters and login or comment buttons. */
const COMMENT_LABEL = new RegExp(
  '^(?:\\d+\\s*(?:commentaires?|comments?|réactions?|kommentare?|comentarios?|comentários?|commenti)|' +
    '(?:commentaires?|comments?|réactions?)\\s*\\(?\\d+\\)?|' +
    'se connecter|créer un compte|connexion|inscription|s\'inscrire|log ?in|sign ?in|sign up|register|' +
    'commenter|réagir|répondre|reply|signaler|report|leave a comment|add a comment|post comment|' +
    'anmelden|registrieren|iniciar sesión|regístrate|entrar|accedi|registrati)$',
  'i',
);

const COMMENT_ANCHOR = /#(?:comments?|respond|disqus_thread|reactions|commentaires)$/i;

function matchComments(el: Element, facts: ElementFacts): RuleMatch | null {
  const { tag, names } = facts;
  if (tag === 'iframe') {
    const src = el.getAttribute('src') ?? el.getAttribute('data-src') ?? '';
    return COMMENT_EMBED_SOURCE.test(src) ? { reason: 'comment embed iframe' } : null;
  }
  if (COMMENT_NAMES.test(names) && !COMMENT_FLAG_NAMES.test(names) && !el.querySelector('h1')) return { reason: `comment section (${nameHint(names)})` };
  if (tag === 'a' && COMMENT_ANCHOR.test(el.getAttribute('href') ?? '')) return { reason: 'link to the comments' };
  const text = facts.shortText;
  if (!text) {
    const paragraph = tag === 'p' ? facts.paragraphText(MAX_RATING_PROMPT_CHARS) : null;
    return paragraph && RATING_PROMPT.test(paragraph) ? { reason: 'recipe rating prompt' } : null;
  }
  if (RATING_PROMPT.test(text)) return { reason: 'recipe rating prompt' };
  if (COMMENT_LABEL.test(text)) return { reason: `comment/login label "${text.slice(0, 40)}"` };
  if (COMMENT_PROMPT.test(text)) return { reason: 'comment prompt' };
  const heading = facts.headingText;
  if (heading && COMMENT_HEADING.test(heading)) {
    return { reason: `comment section headed "${heading.slice(0, 40)}"`, target: sectionOpenedBy(el, facts.root) };
  }
  return null;
}

function nameHint(names: string): string {
  return names.match(COMMENT_NAMES)?.[0].trim() ?? 'name';
}

export const comments: Rule = { name: 'comments', match: matchComments };
