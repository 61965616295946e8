// The extension's two languages stay in step: the same message names in en and fr, the same placeholders, and
// every message the code or the manifest asks for exists (a missing one shows as an empty string, not an error).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string): Messages => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
const locales = { en: load('en'), fr: load('fr') };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Message names the code uses literally: getMessage('x'), t('x', …), data-i18n="x", __MSG_x__. */
function usedNames(): Map<string, string> {
  const used = new Map<string, string>();
  const patterns = [/getMessage\(\s*'(\w+)'/g, /\bt\(\s*'(\w+)'/g, /data-i18n="(\w+)"/g, /__MSG_(\w+)__/g];
  for (const file of [...sourceFiles('entrypoints'), ...sourceFiles('utils'), 'wxt.config.ts']) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) used.set(match[1], file);
  }
  used.delete('@@bidi_dir');
  return used;
}

describe('extension messages (public/_locales)', () => {
  it('en and fr have the same message names', () => {
    expect(Object.keys(locales.fr).sort()).toEqual(Object.keys(locales.en).sort());
  });

  it('each message declares the placeholders it uses, the same in both languages', () => {
    for (const [name, en] of Object.entries(locales.en)) {
      const fr = locales.fr[name];
      expect(Object.keys(fr?.placeholders ?? {}).sort(), name).toEqual(Object.keys(en.placeholders ?? {}).sort());
      for (const entry of [en, fr]) {
        const used = [...entry.message.matchAll(/\$(\w+)\$/g)].map((match) => match[1].toLowerCase());
        expect(Object.keys(entry.placeholders ?? {}).map((key) => key.toLowerCase()), name).toEqual(
          expect.arrayContaining(used),
        );
      }
    }
  });

  it('every message the code and the manifest use exists', () => {
    const used = usedNames();
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter(([name]) => !(name in locales.en)).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });
});
