/**
 * The self-assessment's field names, answers file and counts (src/lib/assessment/): what the form,
 * the report (both modes), the download and the upload share.
 */
import { describe, expect, it } from 'vitest';
import { checklistState } from 'strapi-plugin-good-practices/contract';
import { ASSESSMENT_STATES, assessmentFields, MAX_NOTE_LENGTH, noteField, readAssessmentFields } from '../../src/lib/assessment/fields';
import { answersFileOf, MAX_ANSWERS_FILE_BYTES, readAnswersFile } from '../../src/lib/assessment/answers-file';
import { countAll, frameworkKeysOf } from '../../src/lib/assessment/scores';

const groups = [
  { key: 'g1', questions: [{ key: 'g1.q1', items: [{ key: 'g1.q1.1' }, { key: 'g1.q1.2' }] }] },
  { key: 'g2', questions: [{ key: 'g2.q1', items: [{ key: 'g2.q1.1' }] }] },
];
const keys = frameworkKeysOf(groups);

describe('assessment fields', () => {
  it('are the contract’s checklist states', () => {
    expect([...ASSESSMENT_STATES]).toEqual(checklistState.options);
  });

  it('read items by key and notes by note.<questionKey>, ignoring other fields, last value winning', () => {
    const fields = new URLSearchParams('g1.q1.1=not-met&g1.q1.1=met&g1.q1.2=maybe&other=met&note.g2.q1=%20Our+note%20&note.unknown=x');
    const read = readAssessmentFields(fields, keys);
    expect(read.assessment).toEqual({ states: { 'g1.q1.1': 'met' }, notes: { 'g2.q1': 'Our note' } });
    expect(read.invalid).toEqual(['g1.q1.2']);
  });

  it('cut long notes and write every item back in framework order', () => {
    const long = 'x'.repeat(MAX_NOTE_LENGTH + 10);
    const read = readAssessmentFields(new URLSearchParams({ [noteField('g1.q1')]: long, 'g2.q1.1': 'not-met' }), keys);
    expect(read.assessment.notes['g1.q1']).toHaveLength(MAX_NOTE_LENGTH);
    expect([...assessmentFields(read.assessment, keys).keys()]).toEqual(['g1.q1.1', 'g1.q1.2', 'g2.q1.1', 'note.g1.q1']);
    expect(assessmentFields(read.assessment, keys).get('g1.q1.1')).toBe('not-assessed');
  });

  it('count met items overall and per group', () => {
    const counts = countAll(groups, { states: { 'g1.q1.1': 'met', 'g1.q1.2': 'not-met' }, notes: {} });
    expect(counts).toMatchObject({ met: 1, total: 3 });
    expect(counts.groups).toEqual([
      { groupKey: 'g1', met: 1, notMet: 1, notAssessed: 0, total: 2 },
      { groupKey: 'g2', met: 0, notMet: 0, notAssessed: 1, total: 1 },
    ]);
  });
});

describe('answers file', () => {
  const assessment = { states: { 'g1.q1.1': 'met' as const }, notes: { 'g1.q1': 'A note' } };

  it('reads back what it writes', () => {
    expect(readAnswersFile(JSON.stringify(answersFileOf(assessment, 'ar')), keys)).toEqual({ ok: true, assessment });
  });

  it('refuses bad files with a reason', () => {
    const file = answersFileOf(assessment, 'en');
    expect(readAnswersFile('', keys)).toMatchObject({ ok: false, problem: 'missing' });
    expect(readAnswersFile('{not json', keys)).toMatchObject({ ok: false, problem: 'not-json' });
    expect(readAnswersFile('x'.repeat(MAX_ANSWERS_FILE_BYTES + 1), keys)).toMatchObject({ ok: false, problem: 'too-large' });
    expect(readAnswersFile(JSON.stringify({ ...file, format: 'other' }), keys)).toMatchObject({ ok: false, problem: 'not-answers' });
    expect(readAnswersFile(JSON.stringify({ ...file, assessment: { 'g1.q1.1': 'yes' } }), keys)).toMatchObject({ ok: false, problem: 'not-answers' });
    expect(readAnswersFile(JSON.stringify([1, 2]), keys)).toMatchObject({ ok: false, problem: 'not-answers' });
    expect(readAnswersFile(JSON.stringify({ ...file, assessment: { 'zz.unknown.1': 'met' } }), keys)).toEqual({ ok: false, problem: 'unknown-keys', detail: 'zz.unknown.1' });
    expect(readAnswersFile(JSON.stringify({ ...file, notes: { 'g1.q1': 'x'.repeat(MAX_NOTE_LENGTH + 1) } }), keys)).toMatchObject({ ok: false, problem: 'not-answers' });
  });
});
