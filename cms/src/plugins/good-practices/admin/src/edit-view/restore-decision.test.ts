import { describe, expect, it } from 'vitest';
import { valuesToRestore } from './restore-decision';

describe('edits handed back after a refused save', () => {
  const stored = { title: 'Stored', country: 'DE' };
  const edited = { title: 'Typed by the editor', country: 'XX' };

  it('gives the edits back when the form was re-initialised to other values (the refused save)', () => {
    expect(valuesToRestore(edited, { values: stored, initialValues: stored })).toBe(edited);
  });

  it('does nothing after a successful save (Strapi resets the form to the very values saved)', () => {
    expect(valuesToRestore(edited, { values: edited, initialValues: edited })).toBeUndefined();
  });

  it('does nothing when the form still holds the edits (a refusal that did not reset it)', () => {
    expect(valuesToRestore(edited, { values: edited, initialValues: stored })).toBeUndefined();
  });

  it('does nothing when the editor had not edited anything', () => {
    expect(valuesToRestore(undefined, { values: stored, initialValues: stored })).toBeUndefined();
  });
});
