/** Strict UTF-8 decoding of import files: the first line that is not UTF-8, or the text. */
import { describe, expect, it } from 'vitest';
import { decodeUtf8, InvalidUtf8Error, invalidUtf8Line } from '../../server/src/domain/utf8';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'utf8')] : part)));

describe('decodeUtf8', () => {
  it('decodes valid UTF-8, multi-byte characters and a leading byte-order mark included', () => {
    expect(decodeUtf8(bytes('Jazyková kavárna\n', 'مرحبا 🌍\n'))).toBe('Jazyková kavárna\nمرحبا 🌍\n');
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'Title'))).toBe('Title');
    expect(invalidUtf8Line(bytes('a\nb\n'))).toBeUndefined();
  });

  it.each([
    ['a Latin-1 "é" on line 3', bytes('one\ntwo\nCaf', [0xe9], '\nfour'), 3],
    ['a character cut at the end of the file', bytes('one\ntwo ', [0xc3]), 2],
    ['a stray continuation byte on line 1', bytes([0x80], 'x\ny'), 1],
    ['an encoded surrogate (CESU-8) on line 2', bytes('x\n', [0xed, 0xa0, 0x80]), 2],
    ['an overlong "/" after CR LF lines', bytes('a\r\nb\r\n', [0xc0, 0xaf]), 3],
  ])('names the line of %s', (_case, input, line) => {
    expect(invalidUtf8Line(input)).toBe(line);
    expect(() => decodeUtf8(input)).toThrow(InvalidUtf8Error);
    expect(() => decodeUtf8(input)).toThrow(`line ${line} is not valid UTF-8`);
  });
});
