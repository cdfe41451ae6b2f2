import { describe, expect, it } from 'vitest';
import { parseEnv } from '../lib/env-file.ts';

describe('local .env', () => {
  it('parses comments, quotes and values containing =', () => {
    expect(parseEnv('# c\nA=1\nB="two words"\nC=a=b==\n\n  D = x \nnot a line\n')).toEqual({ A: '1', B: 'two words', C: 'a=b==', D: 'x' });
  });
});

