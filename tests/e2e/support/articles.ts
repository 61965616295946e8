// Pages the reader-view tests of both browsers share.

// A long article in four sections, with a canonical address and a search box: outline, progress, where I left off.
export const LONG_PATH = '/actu/long-article-4242';
export const SECTIONS = ['Le contexte', 'Les chiffres', 'Les réactions', 'Et maintenant'];
export const LONG_ARTICLE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Un long article</title>
<link rel="canonical" href="${LONG_PATH}"><meta property="og:type" content="article">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Un long article","datePublished":"2026-11-30",
"author":{"@type":"Person","name":"Jeanne Martin"}}</script></head><body><form><input name="q"></form><article><h1>Un long article</h1>
<p class="byline">Par Jeanne Martin, <time datetime="2026-11-30">30 novembre 2026</time></p>${SECTIONS.map((title, section) => `<h2>${title}</h2>${Array.from({ length: 8 },
  (_, i) => `<p>Paragraphe ${section}.${i} : ${'une phrase assez longue pour remplir la ligne et la page. '.repeat(6)}</p>`)
  .join('')}`).join('')}</article></body></html>`;
