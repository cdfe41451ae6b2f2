import { describe, expect, it } from 'vitest';
import { isEnterInDateField } from './date-enter';

const input = (name: string) => ({ tagName: 'INPUT', name });

describe('Enter in a date field', () => {
  it('is caught in the practice date inputs only, and only for Enter', () => {
    expect(isEnterInDateField({ key: 'Enter', target: input('projectStart') as unknown as EventTarget, isComposing: false })).toBe(true);
    expect(isEnterInDateField({ key: 'Enter', target: input('validationDate') as unknown as EventTarget, isComposing: false })).toBe(true);
    expect(isEnterInDateField({ key: 'Enter', target: input('title') as unknown as EventTarget, isComposing: false })).toBe(false);
    expect(isEnterInDateField({ key: 'a', target: input('projectEnd') as unknown as EventTarget, isComposing: false })).toBe(false);
    expect(isEnterInDateField({ key: 'Enter', target: { tagName: 'BUTTON', name: 'projectEnd' } as unknown as EventTarget, isComposing: false })).toBe(false);
    // An input method composing text uses Enter to confirm it.
    expect(isEnterInDateField({ key: 'Enter', target: input('projectEnd') as unknown as EventTarget, isComposing: true })).toBe(false);
  });
});
