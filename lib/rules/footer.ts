// Site footers: "Mentions légales", "Privacy policy", "Impressum", "© 2015". A link list made of legal links
// goes, as does a page-level <footer> or role=contentinfo that holds them. An article's own <footer> (tags,
// author box) holds none and stays.

import { boundedText, climb, collapseWhitespace, holdsPicture, type ElementFacts, type Rule, type RuleMatch } from './rule';

const LEGAL_LINK =
  /^(?:mentions légales|informations légales|conditions générales(?: d'utilisation| de vente)?|cgu|cgv|politique de confidentialité|données personnelles|vie privée|charte de confidentialité|gestion des cookies|politique (?:de )?cookies|paramètres des cookies|nous contacter|contact|contactez-nous|qui sommes-nous|à propos|plan du site|accessibilité|privacy(?: policy| notice| settings)?|cookie(?: policy| settings| preferences)|terms(?: of (?:use|service))?(?: (?:and|&) conditions)?|terms & conditions|about(?: us)?|contact us|sitemap|site map|accessibility|do not sell my (?:personal )?info(?:rmation)?|your privacy choices|advertise(?: with us)?|careers|impressum|datenschutz(?:erklärung)?|kontakt|agb|nutzungsbedingungen|aviso legal|política de privacidad|política de cookies|contacto|aviso de privacidade|política de privacidade|termos de uso|note legali|privacy|contatti)$/i;

const COPYRIGHT = /©|\(c\)\s*\d{4}|copyright|tous droits réservés|all rights reserved|alle rechte vorbehalten|todos los derechos reservados/i;

/** A line that is a copyright notice: "© 2019 Capitol Hill Publishing", "This document is subject to copyright". */
const COPYRIGHT_NOTICE = /(?:©|\(c\)|copyright)\s*(?:\d{4}|[\p{Lu}])|all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|subject to copyright|reproduction (?:interdite|prohibited)/iu;

const FOOTER_TEXT_LIMIT = 1500;

function matchFooter(el: Element, facts: ElementFacts): RuleMatch | null {
  const { tag } = facts;
  if (tag === 'footer' || el.getAttribute('role') === 'contentinfo') {
    const text = boundedText(el, FOOTER_TEXT_LIMIT);
    if (text !== null && (COPYRIGHT.test(text) || hasLegalLink(el))) return { reason: 'site footer (legal links / copyright)' };
    return null;
  }
  const text = facts.shortText;
  if (text && tag !== 'figcaption' && COPYRIGHT_NOTICE.test(text) && !holdsPicture(el)) return { reason: 'copyright notice' };
  if (tag !== 'a') return null;
  if (!text || !LEGAL_LINK.test(text)) return null;
  // One legal link can sit in a sentence ("see our privacy policy"): only a list of them is a footer.
  const list = climb(el, facts.root, (parent) => {
    const parentText = boundedText(parent, FOOTER_TEXT_LIMIT);
    return parentText !== null && isLinkList(parent, parentText);
  });
  if (list === el || !hasLegalLink(list, 2)) return null;
  return { reason: `footer links ("${text.slice(0, 30)}")`, target: list };
}

function hasLegalLink(el: Element, atLeast = 1): boolean {
  let count = 0;
  for (const link of Array.from(el.querySelectorAll('a'))) {
    if (LEGAL_LINK.test(collapseWhitespace(link.textContent ?? '')) && ++count >= atLeast) return true;
  }
  return false;
}

/** Mostly link text (footers are link lists, with a copyright line at most). */
function isLinkList(el: Element, text: string): boolean {
  let linkText = 0;
  for (const link of Array.from(el.querySelectorAll('a'))) linkText += collapseWhitespace(link.textContent ?? '').length;
  const rest = text.length - linkText;
  return rest <= Math.max(60, text.length * 0.3);
}

export const footer: Rule = { name: 'footer', match: matchFooter };
