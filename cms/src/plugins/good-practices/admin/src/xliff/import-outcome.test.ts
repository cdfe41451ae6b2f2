import { describe, expect, it } from 'vitest';
import { downloadName } from './download-name';
import { outcomeOfError, untranslatedFieldCount, writtenFieldCount } from './import-outcome';

describe('import outcome', () => {
  it('reads a validation error as a rejection with one problem per unit, the file problems without a unit', () => {
    const body = {
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: 'The XLIFF file cannot be imported (2 problems, nothing was written). First: unknown unit id',
        details: {
          errors: [
            { path: ['practice/zzz/title'], message: 'unknown unit id “practice/zzz/title”', name: 'ValidationError' },
            { path: ['file'], message: 'the target language “de” is not a locale of this CMS', name: 'ValidationError' },
          ],
        },
      },
    };
    expect(outcomeOfError(400, body, 'fallback')).toEqual({
      kind: 'rejected',
      summary: body.error.message,
      problems: [
        { unit: 'practice/zzz/title', message: 'unknown unit id “practice/zzz/title”' },
        { unit: undefined, message: 'the target language “de” is not a locale of this CMS' },
      ],
    });
  });

  it('keeps the message of a validation error without details', () => {
    const body = { error: { status: 400, name: 'ValidationError', message: 'Send the XLIFF file as the request body' } };
    expect(outcomeOfError(400, body, 'fallback')).toEqual({ kind: 'rejected', summary: 'Send the XLIFF file as the request body', problems: [{ unit: undefined, message: 'Send the XLIFF file as the request body' }] });
  });

  it('treats other errors as failures, with the server message or the fallback', () => {
    expect(outcomeOfError(403, { error: { status: 403, name: 'ForbiddenError', message: 'Forbidden' } }, 'fallback')).toEqual({ kind: 'failed', reason: 'Forbidden', status: 403 });
    expect(outcomeOfError(undefined, undefined, 'Failed to fetch')).toEqual({ kind: 'failed', reason: 'Failed to fetch', status: undefined });
  });

  it('counts the fields written and those taken from the source over every entry', () => {
    const result = { locale: 'cs', units: 9, unchanged: 1, skipped: 2, written: [
      { kind: 'practice', documentId: 'a', entryId: 'a', label: 'A practice', created: false, fields: ['title', 'answers'], untranslated: [] },
      { kind: 'site', documentId: 's', entryId: 'site', label: 'Site', created: true, fields: ['labels'], untranslated: [] },
      { kind: 'tool', documentId: 't', entryId: 't', label: 'A tool', created: true, fields: ['description', 'name', 'slug'], untranslated: ['name', 'slug'] },
    ] };
    expect(writtenFieldCount(result)).toBe(4);
    expect(untranslatedFieldCount(result)).toBe(2);
  });
});

describe('download name', () => {
  it('takes the server file name, and nothing that is not a plain name', () => {
    expect(downloadName('attachment; filename="good-practices-en-cs.xlf"', 'cs')).toBe('good-practices-en-cs.xlf');
    expect(downloadName('attachment; filename=good-practices-en-es.xlf', 'es')).toBe('good-practices-en-es.xlf');
    expect(downloadName('attachment; filename="../../etc/passwd"', 'cs')).toBe('good-practices-cs.xlf');
    expect(downloadName(null, 'ar')).toBe('good-practices-ar.xlf');
  });
});
