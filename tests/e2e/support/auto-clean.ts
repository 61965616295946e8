// What the auto-clean tests share in both browsers: one site served from 127.0.0.1 with an article and a section
// page, the popup switch's settled state, and waiting for the runtime-registered content script.
import { readFileSync } from 'node:fs';
import { fixturePages, SEED_FIXTURE } from './fixtures';
import { startStaticServer, type StaticServer } from './server';

/** A news section page (a listing of headlines), served where such a page lives on the site. */
export const SECTION_PATH = '/actu';

/**
 * The seed article and the section page, each at its original path (the address is an isArticle signal), and
 * `pages` besides.
 */
export function startNewsSite(pages: Record<string, string> = {}): Promise<StaticServer> {
  const section = readFileSync('tests/e2e/fixtures/news-section.html', 'utf8');
  return startStaticServer({ pages: { ...fixturePages([SEED_FIXTURE]), [SECTION_PATH]: section, ...pages } });
}

/** Runs in the popup: the auto-clean switch shows `want` and is usable again (its request has settled). */
export function autoCleanSwitchSettled(want: boolean): boolean {
  const input = document.querySelector<HTMLInputElement>('#auto-clean');
  return input !== null && !input.disabled && input.checked === want;
}

/**
 * Resolves once `ask` (a message sent to the tab's content script without injecting it) gets an answer object;
 * throws if none comes after about 10 s, which means the script was never injected. A `document_idle` script
 * may run a little after the load event that `goto`/`reload` wait for, hence the polling.
 */
export async function waitForRegisteredScript(ask: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const answer = await ask();
    if (typeof answer === 'object' && answer !== null) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('No content script answered: auto-clean did not inject it.');
}
