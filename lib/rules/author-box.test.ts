import { describe, expect, it } from 'vitest';
import { expectFixture } from './fixture-harness';
import { authorBox } from './author-box';

describe('author-box rule', () => {
  it("removes author boxes opened by an \"About the author\" heading; keeps sentences about authors", () => {
    const { plain, hashed } = expectFixture(authorBox, 'author-box');
    for (const run of [plain, hashed]) {
      for (const clutter of ["About the Author", "Senior Editor of 9to5Toys", "Cassidy", "Kelia Losa Reinoso", "Who curated"]) expect(run.text).not.toContain(clutter);
      for (const prose of ["The author of the report", "Jane Austen is an English writer", "Monitoring a complex application"]) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === authorBox.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
