/**
 * Issue 12 item 9: a practice whose texts carry control characters (pasted from a word
 * processor) still exports as an XLIFF file that is valid XML 1.0 — the characters XML forbids
 * are dropped from every source, target and note, the rest of the text kept.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import xliff12ToJs from 'xliff/xliff12ToJs';
import { ensureLocales } from '../support/locales';
import { createPractice, documents, PRACTICE, uniqueSlug, type WrittenDocument } from '../support/practices';
import { type AdminSession, loginAsSuperAdmin } from '../support/role-session';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

/** Every character XML 1.0 forbids (its Char production). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

let app: RunningStrapi;
let admin: AdminSession;
let practice: WrittenDocument;

beforeAll(async () => {
  app = await bootStrapi();
  await ensureLocales(app.strapi, ['cs']);
  admin = await loginAsSuperAdmin(app.strapi, app.url);
  practice = await createPractice(app.strapi, { title: 'Pasted\u0001 title\u000B', summary: 'Line one\u0008\nline two\uFFFE' });
  await documents(app.strapi, PRACTICE).update({
    documentId: practice.documentId,
    locale: 'cs',
    data: { title: 'Vložený\u001F název', slug: uniqueSlug('vlozeny'), summary: 'Shrnutí\u0002' },
  });
});

afterAll(async () => {
  await app?.stop();
});

it('exports texts with control characters as valid XML, the characters dropped and the text kept', async () => {
  const response = await fetch(`${app.url}/good-practices/xliff/export?locale=cs&selection=practices`, { headers: admin.headers });
  expect(response.status).toBe(200);
  const xml = await response.text();
  expect(xml).not.toMatch(FORBIDDEN);
  const units = (await xliff12ToJs(xml)).resources?.['good-practices'] as Record<string, { source?: string; target?: string }>;
  expect(units[`practice/${practice.documentId}/title`]).toMatchObject({ source: 'Pasted title', target: 'Vložený název' });
  expect(units[`practice/${practice.documentId}/summary`]).toMatchObject({ source: 'Line one\nline two', target: 'Shrnutí' });
});
