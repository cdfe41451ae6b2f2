import { describe, expect, it } from 'vitest';
import type { EditorFramework } from '../framework/types';
import { answerOf, citedTools, outdatedAnswers, readAnswers, withBody, withTools } from './answers-value';

const framework: EditorFramework = {
  locale: 'en',
  defaultLocale: 'en',
  groups: [
    {
      key: 'g',
      order: 1,
      title: 'G',
      description: null,
      questions: [
        { key: 'g.one', order: 1, text: 'One?', items: [] },
        { key: 'g.two', order: 2, text: 'Two?', items: [] },
      ],
    },
  ],
};

const stored = [
  { questionKey: 'g.one', body: 'First', tools: ['t1'] },
  { questionKey: 'old.question', body: 'An answer to a question that was removed from the framework long ago', tools: ['t2'] },
];

describe('answers value', () => {
  it('reads arrays, JSON strings and anything else leniently', () => {
    expect(readAnswers(stored)).toBe(stored);
    expect(readAnswers(JSON.stringify(stored))).toEqual(stored);
    expect(readAnswers(null)).toEqual([]);
    expect(readAnswers({})).toEqual([]);
  });

  it('finds the answer of a question', () => {
    expect(answerOf(stored, 'g.one')).toEqual({ body: 'First', tools: ['t1'] });
    expect(answerOf(stored, 'g.two')).toBeNull();
  });

  it('edits an answer in place and keeps the others as they are', () => {
    expect(withBody(stored, 'g.one', 'Changed')).toEqual([{ questionKey: 'g.one', body: 'Changed', tools: ['t1'] }, stored[1]]);
  });

  it('adds a new answer at the end, with the tools it had before being emptied', () => {
    expect(withBody(stored, 'g.two', 'New', ['t3'])).toEqual([...stored, { questionKey: 'g.two', body: 'New', tools: ['t3'] }]);
  });

  it('removes an answer whose text is emptied, and writes an empty list as null', () => {
    expect(withBody(stored, 'g.one', '  \n')).toEqual([stored[1]]);
    expect(withBody([stored[0]], 'g.one', '')).toBeNull();
  });

  it('sets the tools of an existing answer only', () => {
    expect(withTools(stored, 'g.one', ['t4', 't1'])).toEqual([{ questionKey: 'g.one', body: 'First', tools: ['t4', 't1'] }, stored[1]]);
    expect(withTools(stored, 'g.two', ['t4'])).toEqual(stored);
  });

  it('lists answers to questions no longer in the framework, with an excerpt', () => {
    expect(outdatedAnswers(stored, framework)).toEqual([
      { questionKey: 'old.question', excerpt: 'An answer to a question that was removed from the framework…' },
    ]);
  });

  it('lists every cited tool once', () => {
    expect(citedTools([...stored, { questionKey: 'g.two', body: 'x', tools: ['t1'] }])).toEqual(['t1', 't2']);
  });
});
