// Runs under happy-dom 21 on purpose: DOMPurify says it is supported there, yet lets <script> through. The
// pipeline must notice and refuse (an error, never HTML).

import { describe, expect, it } from 'vitest';
import { cleanDocument } from './pipeline';
import { SANITIZER_BROKEN } from './sanitize';

describe('cleanDocument with a broken sanitizer', () => {
  it('throws the sanitizer error instead of returning HTML', () => {
    document.documentElement.innerHTML = `<head><title>T</title></head><body><article>${
      '<p>Some article text that is long enough to be taken for the article by Readability itself.</p>'.repeat(8)
    }<script>alert(1)</script></article></body>`;
    expect(navigator.userAgent).toMatch(/HappyDOM/);
    expect(() => cleanDocument(document)).toThrow(SANITIZER_BROKEN);
  });
});
