import { describe, expect, it } from 'vitest';
import { expectFixture } from './fixture-harness';
import { testimonials } from './testimonials';

describe('testimonials rule', () => {
  it('removes testimonial widgets and "What our patients say" sections; keeps prose that mentions a testimonial', () => {
    const { plain, hashed } = expectFixture(testimonials, 'testimonials');
    for (const run of [plain, hashed]) {
      for (const clutter of ['What our patients say', 'wonderful and helpful']) expect(run.text).not.toContain(clutter);
      for (const prose of ['calm, repeated answer', "One parent's testimonial", 'always want to be upselling']) expect(run.text).toContain(prose);
      expect(run.removed.every((removal) => removal.rule === testimonials.name && removal.reason.length > 3)).toBe(true);
    }
  });
});
