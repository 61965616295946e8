// Written by `npm run train` (scripts/train-is-article.ts) from scripts/models/is-article-tune.json: do not edit.
// Logistic regression on the WCXB tune side, L2 penalty 1; the bias holds the threshold (out of fold on
// tune: 88.0 % of articles recognised, 3.9 % of non-articles taken for articles).
// Weights in the order of lib/is-article.ts `articleFeatures`.
export const ARTICLE_MODEL: { bias: number; weights: number[] } = {
  bias: -3.39,
  weights: [
    1.3, // schema.org article
    -2.6, // schema.org non-article
    -0.21, // schema.org off-article
    0.89, // og:type article
    -0.21, // og:type other
    0.29, // article date
    -0.36, // page date
    2.07, // date next to the headline
    -0.03, // time element
    -0.74, // dates beyond two
    -0.45, // no date
    0.12, // article byline
    1.19, // byline class
    1.6, // readerable
    0.17, // article text
    0.59, // article paragraphs
    1.03, // prose share
    0.01, // article share
    -0.27, // link density
    0.17, // linked headings
    -0.43, // headings
    -0.06, // article elements
    -0.32, // repeated cards
    -0.82, // cart controls
    -0.26, // prices
    -0.4, // form fields
    -0.82, // we and our
    -1.02, // url home
    -0.58, // url listing
    0, // url search
    -0.84, // url shop
    -1.68, // url forum
    0.86, // url article
    -0.24, // url depth
    1.17, // url slug words
    -0.53, // url dated
  ],
};
