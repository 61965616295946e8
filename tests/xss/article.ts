// A plain news article to carry hostile content: enough real prose that Readability keeps the body, with slots
// for what the hostile tests put inside it. Used by the XSS pages and by the bad-input matrix.

export const ARTICLE_TITLE = 'Harbour town votes to restore its old lighthouse';
export const ARTICLE_BYLINE = 'By Maren Olsen';

/** Body paragraphs; the first and last are what the tests look for to tell that the article rendered. */
export const ARTICLE_PARAGRAPHS = [
  'The council of Port Avel voted on Tuesday evening to restore the granite lighthouse that has stood dark at the end of the north pier since 1987, ending a debate that had divided the town for more than a decade.',
  'Supporters packed the small hall above the fish market, many of them carrying photographs of the tower lit against winter storms. The restoration will cost about 2.4 million euros, two thirds of it from a regional heritage fund and the rest from a public subscription that opened last spring.',
  'Engineers who surveyed the structure in March found the stone in better condition than expected, although the iron lantern room has rusted through in several places and the spiral staircase will have to be rebuilt from the second landing upwards.',
  'Opponents argued that the money would be better spent on the harbour wall, which was breached twice during the storms of last February. The mayor, Ilse Varga, promised that repairs to the wall would begin first and that neither project would raise local taxes.',
  'The lighthouse keeper\'s cottage at the foot of the tower is to become a small museum about the fishing fleet, with logbooks, charts and the brass foghorn that older residents still remember sounding through the night.',
  'Work is expected to start in the autumn and to last eighteen months. If the schedule holds, the light will shine again over the north pier on the first evening of the town\'s summer festival, two years from now.',
];

export interface ArticleOptions {
  title?: string;
  /** Extra markup for `<head>` (scripts, meta). */
  head?: string;
  /** Markup placed between the body paragraphs, one string per gap, in order (cycling if longer). */
  inserts?: string[];
  /** Markup after the article (footer clutter, scripts). */
  after?: string;
  lang?: string;
}

/** A complete HTML page: site header, the article with `inserts` between its paragraphs, a footer. */
export function articlePage(options: ArticleOptions = {}): string {
  const title = options.title ?? ARTICLE_TITLE;
  const inserts = options.inserts ?? [];
  const paragraphs: string[] = [];
  // Spread the inserts over the gaps between paragraphs, several per gap when there are more inserts than gaps.
  const gaps = ARTICLE_PARAGRAPHS.length - 1;
  ARTICLE_PARAGRAPHS.forEach((text, index) => {
    paragraphs.push(`<p>${text}</p>`);
    if (index < gaps) {
      for (let i = index; i < inserts.length; i += gaps) paragraphs.push(inserts[i]);
    }
  });
  return `<!DOCTYPE html>
<html lang="${options.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<title>${title} | The Avel Courier</title>
<meta property="og:type" content="article">
<meta property="og:site_name" content="The Avel Courier">
<meta name="author" content="Maren Olsen">
${options.head ?? ''}
</head>
<body>
<header class="site-header"><a href="/">The Avel Courier</a> <nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/culture">Culture</a></nav></header>
<main>
<article>
<h1>${title}</h1>
<p class="byline">${ARTICLE_BYLINE}</p>
${paragraphs.join('\n')}
</article>
</main>
<footer class="site-footer"><p>© The Avel Courier. All rights reserved.</p></footer>
${options.after ?? ''}
</body>
</html>
`;
}
