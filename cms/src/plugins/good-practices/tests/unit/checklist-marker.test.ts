/** The ✓ / dash markers in front of checklist items. */
import { describe, expect, it } from 'vitest';
import { readChecklistMarker } from '../../server/src/import/checklist-marker';

describe('readChecklistMarker', () => {
  it.each([
    ['\u2713 Item.', 'met', 'check'],
    ['\u2013 Item.', 'not-met', 'dash'],
    ['\u2212 Item.', 'not-met', 'dash'],
    ['- Item.', 'not-met', 'dash'],
    ['\u2714 Item.', 'met', 'unusual'],
    ['\u2014 Item.', 'not-met', 'unusual'],
    ['\u2717 Item.', 'not-met', 'unusual'],
    ['Item.', 'not-met', 'none'],
  ])('%j -> %s (%s)', (line, state, kind) => {
    expect(readChecklistMarker(line)).toMatchObject({ state, kind, text: 'Item.' });
  });

  it('does not read a leading hyphenated word as a marker', () => {
    expect(readChecklistMarker('-based approach')).toMatchObject({ kind: 'none', text: '-based approach' });
  });
});
