/** Slugs of imported practices and tools: kebab-case ASCII, stable, within the slug invariant's form. */
import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugFor, slugify, uniqueSlug } from '../../server/src/domain/slug';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('slugify', () => {
  it.each([
    ['MigraCode', 'migracode'],
    ['Portal for the recognition of foreign qualifications', 'portal-for-the-recognition-of-foreign-qualifications'],
    ['Case Study – Experiences of foreigners', 'case-study-experiences-of-foreigners'],
    ['Inclusivity & Participation', 'inclusivity-and-participation'],
    ['Migrants’ engagement', 'migrants-engagement'],
    ['Uznávání kvalifikací (Česko)', 'uznavani-kvalifikaci-cesko'],
    ['Straße & Ærø, Łódź', 'strasse-and-aero-lodz'],
    ['  --Spaces   and__underscores--  ', 'spaces-and-underscores'],
  ])('%s -> %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(slug).toMatch(SLUG);
  });

  it('cuts a long title at a word boundary', () => {
    const slug = slugify('A portal for the recognition of foreign qualifications and of professional experience gained abroad by migrants');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(SLUG);
    expect('a-portal-for-the-recognition-of-foreign-qualifications-and-of-professional-experience-gained'.startsWith(slug)).toBe(true);
  });

  it('is empty when nothing Latin survives', () => {
    expect(slugify('بوابة الاعتراف بالمؤهلات')).toBe('');
  });
});

describe('slugFor', () => {
  it('falls back to a stable hash for a title without Latin letters or digits', () => {
    const slug = slugFor('بوابة الاعتراف بالمؤهلات');
    expect(slug).toMatch(/^practice-[0-9a-f]{10}$/);
    expect(slugFor('بوابة الاعتراف بالمؤهلات')).toBe(slug);
    expect(slugFor('أداة', 'tool')).toMatch(/^tool-[0-9a-f]{10}$/);
  });
});

describe('uniqueSlug', () => {
  it('numbers a slug that is taken', () => {
    expect(uniqueSlug('guide', new Set())).toBe('guide');
    expect(uniqueSlug('guide', new Set(['guide', 'guide-2']))).toBe('guide-3');
    const long = 'a'.repeat(MAX_SLUG_LENGTH);
    expect(uniqueSlug(long, new Set([long])).length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });
});
