// Written by `npm run train` (scripts/train-is-article.ts) from scripts/models/is-article-tune.json: do not edit.
// Logistic regression on the WCXB tune side, L2 penalty 1; the bias holds the threshold (out of fold on
// tune: 86.5 % of articles recognised, 3.9 % of non-articles taken for articles).
// Weights in the order of lib/is-article.ts `articleFeatures`.
export const ARTICLE_MODEL: { bias: number; weights: number[] } = {
  bias: -3.77,
  weights: [
    1.45, // schema.org article
    -2.53, // schema.org non-article
    -0.18, // schema.org off-article
    0.99, // og:type article
    -0.19, // og:type other
    0.31, // article date
    -0.5, // page date
    1.72, // date next to the headline
    -0.64, // time element
    -0.27, // no date
    0.14, // article byline
    0.96, // byline class
    1.58, // readerable
    0.05, // article text
    0.53, // article paragraphs
    1.04, // prose share
    0.3, // article share
    -0.31, // link density
    0.09, // linked headings
    -0.29, // headings
    -0.13, // article elements
    -0.32, // repeated cards
    -0.87, // cart controls
    -0.25, // prices
    -0.45, // form fields
    -0.76, // we and our
    -1.13, // url home
    -0.71, // url listing
    0, // url search
    -0.61, // url shop
    -2.22, // url forum
    0.94, // url article
    -0.25, // url depth
    1.08, // url slug words
    -0.74, // url dated
  ],
};
