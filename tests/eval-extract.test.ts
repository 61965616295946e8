// The eval runs each corpus page the way the CLI does; these cases guard the ways it could score a page 0 for
// reasons of its own rather than the extraction's.
import { describe, expect, it } from 'vitest';
import { extractPage } from '../scripts/eval-extract.ts';

const PAGE = 'tests/fixtures/en-daily-courier-wildfire/source.html';

describe('extractPage', () => {
  it('cleans a page whose corpus entry has an empty address, as `clarte clean --batch` does', () => {
    // WCXB 0551, 4129, 4281 and 4314 have "url": "", which jsdom refuses ("Invalid URL").
    const extraction = extractPage({ id: 'no-url', htmlPath: PAGE, url: '' });
    expect(extraction.clarte.error).toBeNull();
    expect(extraction.plain.error).toBeNull();
    expect(extraction.clarte.text.length).toBeGreaterThan(500);
    expect(extraction.plain.text.length).toBeGreaterThan(500);
  });
});
