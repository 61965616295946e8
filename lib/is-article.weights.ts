// Written by `npm run train` (scripts/train-is-article.ts) from scripts/models/is-article-tune.json: do not edit.
// Logistic regression on the WCXB tune side, L2 penalty 1; the bias holds the threshold (out of fold on
// tune: 86.9 % of articles recognised, 3.9 % of non-articles taken for articles).
// Weights in the order of lib/is-article.ts `articleFeatures`.
export const ARTICLE_MODEL: { bias: number; weights: number[] } = {
  bias: -3.52,
  weights: [
    1.25, // schema.org article
    -2.61, // schema.org non-article
    -0.2, // schema.org off-article
    0.88, // og:type article
    -0.25, // og:type other
    0.27, // article date
    -0.36, // page date
    2.1, // date next to the headline
    0.01, // time element
    -0.75, // dates beyond two
    -0.44, // no date
    0.13, // article byline
    1.15, // byline class
    1.56, // readerable
    0.18, // article text
    0.66, // article paragraphs
    0.84, // prose share
    0.06, // article share
    -0.35, // link density
    0.18, // linked headings
    -0.48, // headings
    -0.05, // article elements
    -0.3, // repeated cards
    -0.81, // cart controls
    -0.26, // prices
    -0.38, // form fields
    -0.81, // we and our
    -1.03, // url home
    -0.6, // url listing
    0, // url search
    -0.82, // url shop
    -1.67, // url forum
    0.84, // url article
    -0.22, // url depth
    1.17, // url slug words
    -0.5, // url dated
  ],
};
