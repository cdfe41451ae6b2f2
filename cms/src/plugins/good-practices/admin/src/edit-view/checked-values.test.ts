import { describe, expect, it } from 'vitest';
import { checkedValues, checkedValuesKey } from './checked-values';
import { problemsByField } from './problems-by-field';

describe('values sent to the save check', () => {
  it('keeps only the fields the server rules read and the texts a translation is compared on, null included, undefined left out', () => {
    expect(checkedValues({ title: 'T', objectives: undefined, integrationAreas: [{ id: 3 }], country: 'de', website: null, summary: 'S', projectEnd: undefined, funding: undefined })).toEqual({
      title: 'T',
      country: 'de',
      website: null,
      summary: 'S',
    });
  });

  it('sends the cover image as its file id only (the server reads the description itself)', () => {
    expect(checkedValues({ coverImage: { id: 7, url: '/uploads/a.jpg', alternativeText: null, formats: {} } })).toEqual({ coverImage: { id: 7 } });
    expect(checkedValues({ coverImage: null })).toEqual({ coverImage: null });
  });

  it('changes its key only when a checked field changes', () => {
    // The title is checked (required; the slug of a new practice follows it), the cover image by its
    // file (it needs a description); the terms are not.
    const base = { title: 'A', country: 'DE', coverImage: { id: 1, url: '/a.jpg' }, integrationAreas: [{ id: 1 }] };
    expect(checkedValuesKey({ ...base, integrationAreas: [{ id: 2 }] })).toBe(checkedValuesKey(base));
    expect(checkedValuesKey({ ...base, coverImage: { id: 1, url: '/a.jpg', name: 'renamed' } })).toBe(checkedValuesKey(base));
    expect(checkedValuesKey({ ...base, coverImage: { id: 2 } })).not.toBe(checkedValuesKey(base));
    expect(checkedValuesKey({ ...base, title: 'B' })).not.toBe(checkedValuesKey(base));
    expect(checkedValuesKey({ ...base, country: 'CZ' })).not.toBe(checkedValuesKey(base));
  });
});

describe('problems grouped per field', () => {
  it('lists fields in the order of the form and keeps every message', () => {
    const grouped = problemsByField([
      { field: 'projectEnd', message: 'end before start' },
      { field: 'slug', message: 'taken' },
      { field: 'projectEnd', message: 'second' },
      { field: 'unknownField', message: 'x' },
    ]);
    expect(grouped).toEqual([
      { field: 'slug', messages: ['taken'] },
      { field: 'projectEnd', messages: ['end before start', 'second'] },
      { field: 'unknownField', messages: ['x'] },
    ]);
  });
});
