import { describe, expect, it } from 'vitest';
import { nameKeysIn } from './name-keys';

describe('nameKeysIn', () => {
  it('replaces quoted keys the framework knows by their text', () => {
    const texts = new Map([['inclusivity.services.2', 'Provide information in several languages']]);
    expect(nameKeysIn('Checklist item “inclusivity.services.2” has been retired.', texts)).toBe(
      'Checklist item “Provide information in several languages” has been retired.',
    );
  });

  it('leaves unknown keys and other quotes alone', () => {
    expect(nameKeysIn('There is no checklist item “made.up.1”. “maybe” is not valid.', new Map())).toBe(
      'There is no checklist item “made.up.1”. “maybe” is not valid.',
    );
  });
});
