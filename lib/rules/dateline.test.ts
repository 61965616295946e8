import { describe, expect, it } from 'vitest';
import { dateline } from './dateline';
import { expectFixture } from './fixture-harness';

describe('dateline rule', () => {
  it('removes lines made only of dates, times and their labels; keeps sentences with dates, table cells, bare numbers, code and a figure captioned with a year', () => {
    const { plain, hashed } = expectFixture(dateline, 'dateline');
    for (const run of [plain, hashed]) {
      for (const clutter of ['Posted Nov 19', 'UPDATED: 11:05', 'HNN Staff', 'Publié le', 'Posted by David']) expect(run.text).not.toContain(clutter);
      for (const prose of ['Le 18 mars 2015, le président', 'the first alert went out', 'Nov 19, 2019', '401', '// 11', 'Posted by courier on May 2']) expect(run.text).toContain(prose);
    }
  });
});
