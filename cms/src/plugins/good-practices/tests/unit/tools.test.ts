/** Inspiring tools: name and guessed kind. */
import { describe, expect, it } from 'vitest';
import { guessToolKind, readTool } from '../../server/src/import/tools';

describe('tools', () => {
  it.each([
    ['Case Study \u2013 Experiences of a support portal', 'case-study'],
    ['The online qualification recognition portal', 'portal'],
    ['Recommendations for regions', 'recommendation'],
    ['A practical guide for employers', 'guide'],
    ['Annual report 2020', 'report'],
    ['Integration toolkit for municipalities', 'toolkit'],
    ['Mobile app', 'other'],
  ])('%s -> %s', (name, kind) => {
    expect(guessToolKind(name)).toBe(kind);
  });

  it('drops only the trailing period from the name', () => {
    expect(readTool('Case Study \u2013 Experiences of foreigners.')).toEqual({ name: 'Case Study \u2013 Experiences of foreigners', kind: 'case-study' });
  });
});
