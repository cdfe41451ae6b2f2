import { describe, expect, it } from 'vitest';
import { xmlText } from '../../server/src/xliff/xml-text';

const allC0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');

describe('xmlText (XLIFF export)', () => {
  it('drops C0 controls but keeps tab, line feed and carriage return', () => {
    expect(xmlText(`a${allC0}b`)).toBe('a\t\n\rb');
  });

  it('drops U+FFFE, U+FFFF and lone surrogates, keeps pairs (emoji) and other characters', () => {
    expect(xmlText('x\uFFFEy\uFFFFz')).toBe('xyz');
    expect(xmlText('lone \uD800 high, lone \uDC00 low, reversed \uDC00\uD800.')).toBe('lone  high, lone  low, reversed .');
    expect(xmlText('emoji 😀, Čeština, العربية, <b> & \u007F kept')).toBe('emoji 😀, Čeština, العربية, <b> & \u007F kept');
  });
});
