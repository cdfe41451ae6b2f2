import { describe, expect, it } from 'vitest';
import type { EditorFramework } from '../framework/types';
import { outdatedEntries, readAssessment, stateOf, summariseGroup, withState } from './assessment-value';

const framework: EditorFramework = {
  locale: 'cs',
  defaultLocale: 'en',
  groups: [
    {
      key: 'inclusivity',
      order: 1,
      title: 'Inkluzivita',
      description: null,
      questions: [
        {
          key: 'inclusivity.services',
          order: 1,
          text: 'Otázka',
          items: [
            { key: 'inclusivity.services.1', order: 1, text: 'A', retired: false },
            { key: 'inclusivity.services.2', order: 2, text: 'B', retired: false },
            { key: 'inclusivity.services.3', order: 3, text: 'C (old)', retired: true },
          ],
        },
      ],
    },
  ],
};

describe('assessment value', () => {
  it('reads objects, JSON strings and anything else leniently', () => {
    expect(readAssessment({ a: 'met' })).toEqual({ a: 'met' });
    expect(readAssessment('{"a":"not-met"}')).toEqual({ a: 'not-met' });
    expect(readAssessment(null)).toEqual({});
    expect(readAssessment('not json')).toEqual({});
    expect(readAssessment(['met'])).toEqual({});
  });

  it('treats absent and unreadable states as not assessed', () => {
    expect(stateOf({ a: 'met', b: 'maybe' }, 'a')).toBe('met');
    expect(stateOf({ a: 'met', b: 'maybe' }, 'b')).toBe('not-assessed');
    expect(stateOf({}, 'c')).toBe('not-assessed');
  });

  it('changes one key and keeps every other entry, outdated ones included', () => {
    const stored = { 'inclusivity.services.1': 'met', 'gone.item.1': 'not-met', 'odd.item.1': 42 };
    expect(withState(stored, 'inclusivity.services.2', 'not-met')).toEqual({ ...stored, 'inclusivity.services.2': 'not-met' });
    expect(withState(stored, 'inclusivity.services.1', 'not-assessed')).toEqual({ 'gone.item.1': 'not-met', 'odd.item.1': 42 });
    expect(stored).toEqual({ 'inclusivity.services.1': 'met', 'gone.item.1': 'not-met', 'odd.item.1': 42 });
  });

  it('writes an emptied assessment as null', () => {
    expect(withState({ a: 'met' }, 'a', 'not-assessed')).toBeNull();
  });

  it('counts the active items of a group only', () => {
    const stored = { 'inclusivity.services.1': 'met', 'inclusivity.services.3': 'met' };
    expect(summariseGroup(framework.groups[0]!, stored)).toEqual({ met: 1, notMet: 0, notAssessed: 1, total: 2 });
  });

  it('lists stored keys the framework no longer offers, naming retired items', () => {
    const stored = { 'inclusivity.services.1': 'met', 'inclusivity.services.3': 'not-met', 'gone.item.1': 'met' };
    expect(outdatedEntries(stored, framework)).toEqual([
      { key: 'inclusivity.services.3', value: 'not-met', retiredText: 'C (old)' },
      { key: 'gone.item.1', value: 'met', retiredText: null },
    ]);
  });
});
