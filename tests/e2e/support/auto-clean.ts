// Waiting for a runtime-registered content script: a `document_idle` script may run a little after the load
// event that `goto`/`reload` wait for, so tests poll for its answer rather than guess a delay.

/**
 * Resolves once `ask` (a message sent to the tab's content script without injecting it) gets an answer object;
 * throws if none comes after about 10 s, which means the script was never injected.
 */
export async function waitForRegisteredScript(ask: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const answer = await ask();
    if (typeof answer === 'object' && answer !== null) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('No content script answered: auto-clean did not inject it.');
}
