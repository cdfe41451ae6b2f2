import { describe, expect, it } from 'vitest';
import { normaliseText, tokenJaccard } from '../../server/src/framework/framework';

describe('normaliseText', () => {
  it('treats quote, dash, space, case and final punctuation variants as equal', () => {
    const variants = [
      'Contribute to migrants\u2019 engagement \u2013 for the common good.',
      "contribute to migrants' engagement - for the common good",
      'Contribute\u00A0to  migrants\u2018 engagement \u2212 for the common good;',
      '\uFEFFCONTRIBUTE TO MIGRANTS\u2032 ENGAGEMENT \u2014 FOR THE COMMON GOOD!',
    ];
    const keys = new Set(variants.map(normaliseText));
    expect(keys.size).toBe(1);
  });

  it('applies NFKC (e.g. full-width letters and ligatures)', () => {
    expect(normaliseText('\uFF25ffective \uFB01eld')).toBe(normaliseText('Effective field'));
  });

  it('reads & as "and"', () => {
    expect(normaliseText('Inclusivity and Participation')).toBe(normaliseText('Inclusivity & Participation'));
  });

  it('keeps inner punctuation that carries meaning', () => {
    expect(normaliseText('outputs / outcomes (e.g., x).')).toBe('outputs / outcomes (e.g., x)');
  });
});

describe('tokenJaccard', () => {
  it('is 1 for the same words and 0 without shared words', () => {
    expect(tokenJaccard('Ensure achievement of outputs.', 'ensure ACHIEVEMENT of outputs')).toBe(1);
    expect(tokenJaccard('alpha beta', 'gamma delta')).toBe(0);
    expect(tokenJaccard('', 'x')).toBe(0);
  });
});
