import { describe, expect, it } from 'vitest';
import type { Translate } from '../translations/messages';
import { contentManagerPath } from './content-manager-link';
import { describeField, type FieldNaming } from './field-names';
import { entryName } from './entry-name';
import { typeUidOfKind } from './kind-uids';
import { initialLocale, writableLocales } from './writable-locales';

describe('content manager links', () => {
  it('opens collection entries and the site single type in the asked locale', () => {
    expect(contentManagerPath('plugin::good-practices.practice', 'abc123', 'cs')).toBe(
      '/content-manager/collection-types/plugin::good-practices.practice/abc123?plugins[i18n][locale]=cs',
    );
    expect(contentManagerPath('plugin::good-practices.site', 'site-doc', 'ar')).toBe('/content-manager/single-types/plugin::good-practices.site?plugins[i18n][locale]=ar');
  });

  it('knows the content type of every kind the server names', () => {
    expect(typeUidOfKind('item')).toBe('plugin::good-practices.checklist-item');
    expect(typeUidOfKind('target-group')).toBe('plugin::good-practices.target-group');
    expect(typeUidOfKind('toString')).toBeUndefined();
  });
});

describe('field names', () => {
  const text: Translate = (key, values) => `${key}:${JSON.stringify(values ?? {})}`;
  const naming: FieldNaming = {
    text,
    fieldLabel: (field) => (field === 'summary' ? 'Short summary' : undefined),
    questions: new Map([['inclusivity.access', 'Is the service accessible to everyone?']]),
  };

  it('names answers by their question’s text and fields by their label, never by key', () => {
    expect(describeField('answers/inclusivity.access/body', naming)).toBe('translation.field.answer:{"question":"Is the service accessible to everyone?"}');
    expect(describeField('answers/gone.question/body', naming)).toBe('translation.field.answerUnnamed:{}');
    expect(describeField('labels/nav.home', naming)).toBe('translation.field.label:{"key":"nav.home"}');
    expect(describeField('summary', naming)).toBe('Short summary');
    expect(describeField('unknownField', naming)).toBe('unknownField');
  });

  it('names an entry by its title, or as untitled when the server could only give its id or key', () => {
    expect(entryName({ kind: 'practice', documentId: 'abc', key: null, label: 'Language cafés' }, text)).toBe('Language cafés');
    expect(entryName({ kind: 'practice', documentId: 'abc', key: null, label: 'abc' }, text)).toBe('translation.entry.untitled:{"kind":"translation.kind.practice:{}"}');
    expect(entryName({ kind: 'item', documentId: 'd', key: 'inclusivity.access.1', label: 'inclusivity.access.1' }, text)).toBe(
      'translation.entry.untitled:{"kind":"translation.kind.item:{}"}',
    );
  });
});
