// Customer testimonials a business site shows under its blog posts ("What our patients say", "Témoignages"):
// praise for the publisher, not the article. Named widgets (Strong Testimonials' `wpmtst-`, `testimonial`) go
// by name outside the article's body; a heading with one of these labels takes the section it opens.

import { boundedText, sectionOpenedBy, tokenPattern, type ElementFacts, type Rule, type RuleMatch } from './rule';

// Not a lone `testimonial`: articles style their expert pull quotes with it (Jobber, Yoast).
const TESTIMONIAL_NAMES = tokenPattern('testimonials|wpmtst|testimonial-slider|testimonials-slider|client-reviews|customer-reviews');

const TESTIMONIAL_HEADING =
  /^(?:testimonials?|what (?:our|my) (?:clients|customers|patients|students|readers|members|families|parents) (?:say|are saying)|(?:client|customer|patient) (?:testimonials|reviews|stories)|témoignages?|ce que (?:disent|pensent) nos (?:clients|patients|élèves)|avis (?:de nos )?clients|kundenstimmen|testimonios)\s*[.!:]?$/i;

function matchTestimonials(el: Element, facts: ElementFacts): RuleMatch | null {
  // A testimonial is a few sentences; a long element with the name is a page wrapper (`page-testimonials`).
  if (TESTIMONIAL_NAMES.test(facts.names) && !facts.inArticleBody && boundedText(el, 1500) !== null) {
    return { reason: `testimonial (${facts.names.match(TESTIMONIAL_NAMES)![0].trim()})` };
  }
  const heading = facts.headingText;
  if (heading && TESTIMONIAL_HEADING.test(heading)) {
    return { reason: `"${heading.slice(0, 40)}" block`, target: sectionOpenedBy(el, facts.root) };
  }
  return null;
}

export const testimonials: Rule = { name: 'testimonials', match: matchTestimonials };
