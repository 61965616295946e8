import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeHtml, prescanMetaCharset, UndecodableInputError } from './decode';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const concat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

// "Café – déjà" in windows-1252: é = E9, – (en dash) = 96, à = E0.
const CAFE_1252 = [0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x64, 0xe9, 0x6a, 0xe0];
// 日本語 in Shift_JIS.
const NIHONGO_SJIS = [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea];

describe('decodeHtml', () => {
  it('defaults to UTF-8', () => {
    const bytes = new TextEncoder().encode('<p>Sécurité 日本</p>');
    expect(decodeHtml(bytes)).toEqual({ text: '<p>Sécurité 日本</p>', encoding: 'utf-8', source: 'default' });
  });

  it('follows <meta charset> to windows-1252', () => {
    const bytes = concat(ascii('<html><head><meta charset="windows-1252"></head><p>'), CAFE_1252);
    const decoded = decodeHtml(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.source).toBe('meta');
    expect(decoded.text).toContain('<p>Café – déjà');
  });

  it('reads ISO-8859-1 as windows-1252, as browsers do (0x96 is an en dash)', () => {
    const bytes = concat(ascii("<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'><p>"), CAFE_1252);
    const decoded = decodeHtml(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('Café – déjà');
  });

  it('follows http-equiv Content-Type to Shift_JIS', () => {
    const bytes = concat(
      ascii('<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html;charset=Shift_JIS"><title>'),
      NIHONGO_SJIS,
      ascii('</title>'),
    );
    const decoded = decodeHtml(bytes);
    expect(decoded.encoding).toBe('shift_jis');
    expect(decoded.text).toContain('<title>日本語</title>');
  });

  it('prefers the Content-Type header over <meta>, and a BOM over both', () => {
    const page = concat(ascii('<meta charset="utf-8"><p>'), NIHONGO_SJIS);
    expect(decodeHtml(page, { contentType: 'text/html; charset=Shift_JIS' }).text).toContain('日本語');
    const withBom = concat([0xef, 0xbb, 0xbf], new TextEncoder().encode('<meta charset="shift_jis"><p>日本語'));
    const decoded = decodeHtml(withBom, { contentType: 'text/html; charset=windows-1252' });
    expect(decoded).toMatchObject({ encoding: 'utf-8', source: 'bom' });
    expect(decoded.text.startsWith('<meta')).toBe(true);
  });

  it('decodes a UTF-16LE page by its BOM', () => {
    const text = '<p>مصر</p>';
    const bytes = concat([0xff, 0xfe], [...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
    expect(decodeHtml(bytes)).toMatchObject({ text, encoding: 'utf-16le' });
  });

  it('ignores a <meta> inside a comment or past the first 1024 bytes, and unknown labels', () => {
    expect(prescanMetaCharset(ascii('<!-- <meta charset="shift_jis"> --><meta charset="koi8-r">'))).toBe('koi8-r');
    expect(prescanMetaCharset(ascii(`${' '.repeat(1100)}<meta charset="shift_jis">`))).toBeNull();
    expect(prescanMetaCharset(ascii('<meta charset="no-such-encoding">'))).toBeNull();
    // A page that says UTF-16 in ASCII-compatible bytes is really UTF-8.
    expect(prescanMetaCharset(ascii('<meta charset="utf-16">'))).toBe('utf-8');
  });

  it('parses charset parameters', () => {
    expect(charsetFromContentType('text/html; charset="UTF-8"')).toBe('UTF-8');
    expect(charsetFromContentType("text/html;charset='latin1'")).toBe('latin1');
    expect(charsetFromContentType('text/html')).toBeNull();
  });

  it('rejects empty and binary input with a clear error', () => {
    expect(() => decodeHtml(new Uint8Array())).toThrow(new UndecodableInputError('empty input'));
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeHtml(png)).toThrow(/binary data/);
    const garbage = Uint8Array.from({ length: 400 }, (_, i) => 0x80 + (i % 64));
    expect(() => decodeHtml(garbage)).toThrow(/binary data \(not valid utf-8 text\)/);
  });
});
