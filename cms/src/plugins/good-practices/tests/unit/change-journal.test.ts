import type { Core } from '@strapi/strapi';
import { describe, expect, it } from 'vitest';
import { JOURNAL_LENGTH, noteLocalBump, noteOwnStoredBump, practicesChangedBetween } from '../../server/src/read-model/change-journal';
import { practicesOfWrite } from '../../server/src/read-model/content-generation';

const strapiInstance = () => ({}) as Core.Strapi;
const ids = (changed: ReturnType<typeof practicesChangedBetween>) => (changed === 'unknown' ? changed : [...changed].sort());

describe('practicesChangedBetween', () => {
  it('unites the practices of every bump in between, when every bump is known and every stored one is ours', () => {
    const strapi = strapiInstance();
    noteLocalBump(strapi, 1, new Set(['a']));
    noteLocalBump(strapi, 2, new Set());
    noteLocalBump(strapi, 3, new Set(['b', 'a']));
    noteOwnStoredBump(strapi, '11');
    expect(ids(practicesChangedBetween(strapi, '0:10', '3:11'))).toEqual(['a', 'b']);
    expect(ids(practicesChangedBetween(strapi, '1:11', '2:11'))).toEqual([]);
    expect(ids(practicesChangedBetween(strapi, '3:11', '3:11'))).toEqual([]);
  });

  it('answers unknown for a stored bump of another process, an unknown write, a forgotten or missing bump, a malformed generation', () => {
    const strapi = strapiInstance();
    noteLocalBump(strapi, 1, new Set(['a']));
    noteLocalBump(strapi, 2, 'unknown');
    noteOwnStoredBump(strapi, '6');
    // Stored value 7 was written by someone else.
    expect(practicesChangedBetween(strapi, '0:5', '1:7')).toBe('unknown');
    expect(ids(practicesChangedBetween(strapi, '0:5', '1:6'))).toEqual(['a']);
    expect(practicesChangedBetween(strapi, '0:5', '2:6')).toBe('unknown');
    // Local bump 4 was never noted (a bump this journal did not hear of).
    expect(practicesChangedBetween(strapi, '2:6', '4:6')).toBe('unknown');
    expect(practicesChangedBetween(strapi, '2:6', '1:6')).toBe('unknown');
    expect(practicesChangedBetween(strapi, 'x', '1:6')).toBe('unknown');
  });

  it('forgets the oldest bumps beyond its length', () => {
    const strapi = strapiInstance();
    for (let value = 1; value <= JOURNAL_LENGTH + 10; value++) noteLocalBump(strapi, value, new Set([`p${value}`]));
    expect(practicesChangedBetween(strapi, '0:0', '5:0')).toBe('unknown');
    expect(ids(practicesChangedBetween(strapi, `${JOURNAL_LENGTH + 8}:0`, `${JOURNAL_LENGTH + 10}:0`))).toEqual([`p${JOURNAL_LENGTH + 10}`, `p${JOURNAL_LENGTH + 9}`].sort());
  });
});

describe('practicesOfWrite', () => {
  const practice = { uid: 'plugin::good-practices.practice' };
  it.each([
    [{ model: practice, result: { id: 1, documentId: 'doc1' } }, ['doc1']],
    [{ model: practice, result: [{ documentId: 'doc1' }, { documentId: 'doc2' }] }, ['doc1', 'doc2']],
    [{ model: practice, result: { count: 3 } }, 'unknown'],
    [{ model: practice, result: [] }, 'unknown'],
    [{ model: { uid: 'plugin::good-practices.integration-area' }, result: { documentId: 'term' } }, 'unknown'],
    [{ model: { uid: 'plugin::upload.file' }, result: { id: 4 } }, 'unknown'],
    [{ model: { uid: 'plugin::good-practices.criteria-group' }, result: { documentId: 'group' } }, []],
    [{ model: { uid: 'plugin::good-practices.site' }, result: { count: 2 } }, []],
  ])('%j → %j', (event, expected) => {
    expect(ids(practicesOfWrite(event))).toEqual(expected);
  });
});
