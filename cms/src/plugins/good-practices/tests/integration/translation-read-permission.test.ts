/**
 * The translation status and the XLIFF export show entry texts of every locale, drafts included:
 * each admin sees only the content types and locales their roles may read in the Content
 * Manager. Roles made by an administrator over the admin API, real logins, real HTTP:
 *
 * - no permission at all → 403 from both routes, nothing of the drafts in the answer;
 * - practices readable in English and Czech only → the status lists Czech only, with practices
 *   only; the Czech export carries practice units only; German, or a selection of nothing
 *   readable (tools), is 403; a role reading some fields gets the units of those fields only;
 * - practices readable in Czech but not in English (the source of every translation) → 403;
 * - the plugin's Editor and Translator roles see everything, as before.
 */
import xliff12ToJs from 'xliff/xliff12ToJs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranslationStatusResponse } from '../../contract/admin-api';
import { loginWithCustomRole } from '../support/custom-role';
import { ensureLocales } from '../support/locales';
import { createPractice, createTool, documents, PRACTICE, uniqueSlug, type WrittenDocument } from '../support/practices';
import { type AdminSession, loginAsSuperAdmin, loginWithRole } from '../support/role-session';
import { bootStrapi, type RunningStrapi } from '../support/strapi-under-test';

const READ = 'plugin::content-manager.explorer.read';
/** Words only the drafts contain: none may appear in a refusal. */
const DRAFT_TITLE = 'Secret draft mentoring';
const DRAFT_CS_TITLE = 'Tajné mentorství';

let app: RunningStrapi;
let superAdmin: AdminSession;
let draft: WrittenDocument;
let tool: WrittenDocument;

async function exportFile(session: AdminSession, query: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${app.url}/good-practices/xliff/export?${query}`, { headers: session.headers });
  return { status: response.status, text: await response.text() };
}

async function unitIds(xml: string): Promise<string[]> {
  const parsed = await xliff12ToJs(xml);
  return Object.keys(parsed.resources?.['good-practices'] ?? {});
}

function expectNoDraftTitleIn(text: string): void {
  for (const word of [DRAFT_TITLE, DRAFT_CS_TITLE]) expect(text).not.toContain(word);
}

function expectNoDraftIn(text: string): void {
  for (const word of [DRAFT_TITLE, DRAFT_CS_TITLE, draft.documentId]) expect(text).not.toContain(word);
}

beforeAll(async () => {
  app = await bootStrapi();
  await ensureLocales(app.strapi, ['cs', 'de']);
  superAdmin = await loginAsSuperAdmin(app.strapi, app.url);
  draft = await createPractice(app.strapi, { title: DRAFT_TITLE, summary: 'Mentors help newcomers.' }, { status: 'draft' });
  await documents(app.strapi, PRACTICE).update({ documentId: draft.documentId, locale: 'cs', data: { title: DRAFT_CS_TITLE, slug: uniqueSlug('mentorstvi') } });
  tool = await createTool(app.strapi, { name: 'Mentoring handbook' });
});

afterAll(async () => {
  await app?.stop();
});

describe('an admin whose role has no permission', () => {
  let nobody: AdminSession;
  beforeAll(async () => {
    nobody = await loginWithCustomRole(app.url, superAdmin, []);
  });

  it('gets 403 from the translation status, without any entry', async () => {
    const response = await nobody.json('GET', '/good-practices/translation-status');
    expect(response.status).toBe(403);
    expectNoDraftIn(JSON.stringify(response.body));
  });

  it('gets 403 from the XLIFF export, whatever the selection', async () => {
    for (const query of ['locale=cs', 'locale=cs&selection=practices', 'locale=de&selection=framework,site']) {
      const response = await exportFile(nobody, query);
      expect(response.status, query).toBe(403);
      expectNoDraftIn(response.text);
    }
  });
});

describe('an admin whose role reads practices in English and Czech only', () => {
  let reader: AdminSession;
  beforeAll(async () => {
    reader = await loginWithCustomRole(app.url, superAdmin, [{ action: READ, subject: PRACTICE, properties: { locales: ['en', 'cs'] } }]);
  });

  it('sees the status of Czech only, and of practices only', async () => {
    const response = await reader.json('GET', '/good-practices/translation-status');
    expect(response.status).toBe(200);
    const { data } = response.body as TranslationStatusResponse;
    expect(data.locales.map((entry) => entry.locale)).toEqual(['cs']);
    const cs = data.locales[0]!;
    expect(cs.areas.practices.incomplete.map((entry) => entry.documentId)).toContain(draft.documentId);
    for (const area of ['tools', 'framework', 'taxonomies', 'site'] as const) {
      expect(cs.areas[area], area).toEqual({ total: 0, missing: [], outdated: [], incomplete: [] });
    }
    expect(JSON.stringify(response.body)).not.toContain(tool.documentId);
  });

  it('exports the Czech practices only, even when asked for everything', async () => {
    const response = await exportFile(reader, 'locale=cs');
    expect(response.status).toBe(200);
    const ids = await unitIds(response.text);
    expect(ids.some((id) => id.startsWith(`practice/${draft.documentId}/`))).toBe(true);
    expect(ids.filter((id) => !id.startsWith('practice/'))).toEqual([]);
    expect(response.text).toContain(DRAFT_CS_TITLE);
  });

  it('gets 403 for a locale or a selection it may not read', async () => {
    for (const query of ['locale=de', 'locale=de&selection=practices', 'locale=cs&selection=tools', 'locale=cs&selection=framework,taxonomies,site']) {
      const response = await exportFile(reader, query);
      expect(response.status, query).toBe(403);
      expectNoDraftIn(response.text);
      expect(response.text).not.toContain('Mentoring handbook');
    }
  });
});

describe('an admin whose role reads some fields of practices only', () => {
  it('exports the units of those fields only; entries are named by title (export notes, status) only where the title is readable', async () => {
    const reader = await loginWithCustomRole(app.url, superAdmin, [
      { action: READ, subject: PRACTICE, properties: { locales: ['en', 'cs'], fields: ['slug', 'summary'] } },
    ]);
    const response = await exportFile(reader, 'locale=cs&selection=practices');
    expect(response.status).toBe(200);
    const ids = await unitIds(response.text);
    const ours = ids.filter((id) => id.startsWith(`practice/${draft.documentId}/`));
    expect(ours.sort()).toEqual([`practice/${draft.documentId}/slug`, `practice/${draft.documentId}/summary`]);
    expect(ids.some((id) => /\/(title|answers)\b/.test(id))).toBe(false);
    expectNoDraftTitleIn(response.text);

    const status = await reader.json('GET', '/good-practices/translation-status');
    expect(status.status).toBe(200);
    const practices = (status.body as TranslationStatusResponse).data.locales[0]!.areas.practices;
    expect(practices.incomplete.find((entry) => entry.documentId === draft.documentId)?.label).toBe(draft.documentId);
    expectNoDraftTitleIn(JSON.stringify(status.body));
  });
});

describe('an admin whose role reads practices in Czech but not in English', () => {
  it('gets 403: without the source nothing of a translation can be shown', async () => {
    const reader = await loginWithCustomRole(app.url, superAdmin, [{ action: READ, subject: PRACTICE, properties: { locales: ['cs'] } }]);
    const status = await reader.json('GET', '/good-practices/translation-status');
    expect(status.status).toBe(403);
    expectNoDraftIn(JSON.stringify(status.body));
    const exported = await exportFile(reader, 'locale=cs&selection=practices');
    expect(exported.status).toBe(403);
    expectNoDraftIn(exported.text);
  });
});

describe('the plugin’s roles', () => {
  it('Editor and Translator still see every locale and every part', async () => {
    // The Editor role of the boot knew English only (locales are added after it): made again, as a
    // boot with these locales makes it, next to the Translator of Czech.
    const roles = app.strapi.service('admin::role') as unknown as { findOne(where: object): Promise<{ id: number } | null>; deleteByIds(ids: number[]): Promise<unknown> };
    const bootEditor = await roles.findOne({ code: 'good-practices-editor' });
    if (bootEditor) await roles.deleteByIds([bootEditor.id]);
    await (app.strapi.plugin('good-practices').service('deployment') as { ensureRoles(options: object): Promise<string[]> }).ensureRoles({ translatorLocales: ['cs'] });
    for (const code of ['good-practices-editor', 'good-practices-translator']) {
      const session = await loginWithRole(app.strapi, app.url, code);
      const status = await session.json('GET', '/good-practices/translation-status');
      expect(status.status, code).toBe(200);
      const { data } = status.body as TranslationStatusResponse;
      expect(data.locales.map((entry) => entry.locale).sort(), code).toEqual(['cs', 'de']);
      expect(data.locales[0]!.areas.framework.total, code).toBeGreaterThan(0);
      const exported = await exportFile(session, 'locale=de');
      expect(exported.status, code).toBe(200);
      const kinds = new Set((await unitIds(exported.text)).map((id) => id.split('/')[0]));
      expect([...kinds].sort(), code).toEqual(expect.arrayContaining(['practice', 'tool', 'group', 'question', 'item', 'site']));
    }
  });
});
