import { describe, expect, it } from 'vitest';
import { actionsAt, applyAction, localToday, readStatus, stepIndex } from './validation-workflow';

describe('validation workflow', () => {
  it('offers one next action per step, from not submitted to validated and back', () => {
    expect(actionsAt(null)).toEqual(['submit']);
    expect(actionsAt('submitted')).toEqual(['startReview']);
    expect(actionsAt('in-review')).toEqual(['validate']);
    expect(actionsAt('validated')).toEqual(['reopen']);
  });

  it('sets today when validating and clears the date when reopening', () => {
    expect(applyAction('validate', { validationStatus: 'in-review', validationDate: null }, '2026-03-04')).toEqual({
      validationStatus: 'validated',
      validationDate: '2026-03-04',
    });
    expect(applyAction('reopen', { validationStatus: 'validated', validationDate: '2025-01-02' }, '2026-03-04')).toEqual({
      validationStatus: 'in-review',
      validationDate: null,
    });
    expect(applyAction('submit', { validationStatus: null, validationDate: null }, '2026-03-04').validationStatus).toBe('submitted');
    expect(applyAction('startReview', { validationStatus: 'submitted', validationDate: null }, '2026-03-04').validationStatus).toBe('in-review');
  });

  it('keeps the date of a practice validated already', () => {
    expect(applyAction('validate', { validationStatus: 'validated', validationDate: '2025-01-02' }, '2026-03-04').validationDate).toBe('2025-01-02');
  });

  it('reads only the statuses of the schema', () => {
    expect(readStatus('in-review')).toBe('in-review');
    expect(readStatus('approved')).toBeNull();
    expect(readStatus(undefined)).toBeNull();
    expect(stepIndex(null)).toBe(-1);
    expect(stepIndex('validated')).toBe(2);
  });

  it("writes today's date in the editor's calendar", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
