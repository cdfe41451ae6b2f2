import { describe, expect, it } from 'vitest';
import type { Translate } from '../translations/messages';
import { contentManagerPath } from './content-manager-link';
import { describeField } from './field-names';
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
  it('names answers and labels, and keeps plain field names', () => {
    expect(describeField('answers/inclusivity.access/body', text)).toBe('translation.field.answer:{"key":"inclusivity.access"}');
    expect(describeField('labels/nav.home', text)).toBe('translation.field.label:{"key":"nav.home"}');
    expect(describeField('summary', text)).toBe('summary');
  });
});

describe('writable locales', () => {
  const update = (subject: string, locales: unknown) => ({ action: 'plugin::content-manager.explorer.update', subject, properties: { locales } });

  it('collects the locales of create and update permissions on the plugin types only', () => {
    const permissions = [
      update('plugin::good-practices.practice', ['cs']),
      { action: 'plugin::content-manager.explorer.create', subject: 'plugin::good-practices.tool', properties: { locales: ['es'] } },
      { action: 'plugin::content-manager.explorer.read', subject: 'plugin::good-practices.tool', properties: { locales: ['ar'] } },
      update('api::article.article', ['de']),
      update('plugin::good-practices.site', null),
    ];
    expect([...writableLocales(permissions)].sort()).toEqual(['cs', 'es']);
  });

  it('opens the asked locale, else the first writable one, else the first', () => {
    expect(initialLocale(['ar', 'cs', 'es'], new Set(['es']), 'cs')).toBe('cs');
    expect(initialLocale(['ar', 'cs', 'es'], new Set(['es']), 'xx')).toBe('es');
    expect(initialLocale(['ar', 'cs'], new Set(), undefined)).toBe('ar');
    expect(initialLocale([], new Set(), undefined)).toBeUndefined();
  });
});
