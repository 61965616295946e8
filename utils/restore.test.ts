import { beforeEach, describe, expect, it } from 'vitest';
import { hideOriginalPage } from './restore';

describe('hideOriginalPage', () => {
  beforeEach(() => {
    document.documentElement.innerHTML =
      '<head><title>t</title></head><body class="page" data-x="1"><form><input name="q"></form><p>Article</p></body>';
  });

  it('shows only the replacement while hidden, and puts the very same body back', () => {
    const before = document.documentElement.outerHTML;
    const original = document.body;
    const input = document.querySelector('input')!;
    input.value = 'typed';
    const replacement = document.createElement('clarte-reader');

    const hidden = hideOriginalPage(document, replacement);
    expect(document.body).not.toBe(original);
    expect([...document.body.childNodes]).toEqual([replacement]);
    expect(document.body.attributes.length).toBe(0);
    expect(document.querySelector('input')).toBeNull();

    hidden.restore();
    expect(document.body).toBe(original);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.querySelector('input')).toBe(input);
    expect(input.value).toBe('typed');
  });

  it('keeps what the page added to document.body while the reader was shown', () => {
    const original = document.body;
    const replacement = document.createElement('clarte-reader');
    const hidden = hideOriginalPage(document, replacement);
    const ticker = document.createElement('div');
    ticker.textContent = 'Dernière minute';
    document.body.append(ticker);
    original.querySelector('p')!.append(' (mis à jour)');

    hidden.restore();
    expect(document.body).toBe(original);
    expect(original.lastElementChild).toBe(ticker);
    expect(original.textContent).toContain('Article (mis à jour)');
    expect(replacement.isConnected).toBe(false);
  });

  it('restores once: a second call changes nothing', () => {
    const hidden = hideOriginalPage(document, document.createElement('clarte-reader'));
    hidden.restore();
    const after = document.documentElement.outerHTML;
    const body = document.body;
    hidden.restore();
    expect(document.body).toBe(body);
    expect(document.documentElement.outerHTML).toBe(after);
  });

  it('gives focus back to the element that had it', () => {
    const input = document.querySelector('input')!;
    input.focus();
    const hidden = hideOriginalPage(document, document.createElement('clarte-reader'));
    expect(document.activeElement).not.toBe(input);
    hidden.restore();
    expect(document.activeElement).toBe(input);
  });
});
