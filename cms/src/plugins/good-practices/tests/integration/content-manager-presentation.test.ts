/**
 * The Content Manager configuration the plugin writes at boot (contract/admin-fields.ts), read
 * back over the content manager's own admin API as the admin panel reads it: plain labels and
 * help texts, the grouped edit layout, pickers that name terms by their name. Booting again
 * changes nothing, and a label an administrator changed by hand (through the same API the
 * "Configure the view" page uses) survives the next boot while untouched values stay the plugin's.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPresentation } from '../../contract/admin-fields';
import { uids } from '../../contract/plugin-id';
import { type AdminSession, loginAsSuperAdmin } from '../support/role-session';
import { bootStrapi, type RunningStrapi, sameDatabase } from '../support/strapi-under-test';

interface Configuration {
  settings: { mainField: string } & Record<string, unknown>;
  metadatas: Record<string, { edit: { label?: string; description?: string; mainField?: string } & Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { edit: { name: string; size: number }[][]; list: string[] };
}

/** The compiled writer, as Strapi loaded it (same CommonJS module cache). */
const requireDist = createRequire(import.meta.url);
const { applyContentManagerPresentation } = requireDist('../../dist/server/src/admin-config/apply-presentation.js') as typeof import('../../server/src/admin-config/apply-presentation');

const path = (uid: string) => `/content-manager/content-types/${uid}/configuration`;

async function configuration(session: AdminSession, uid: string): Promise<Configuration> {
  const response = await session.json('GET', path(uid));
  expect(response.status).toBe(200);
  return (response.body as { data: { contentType: Configuration } }).data.contentType;
}

let app: RunningStrapi;
let admin: AdminSession;

beforeAll(async () => {
  app = await bootStrapi({ keepDatabase: true });
  admin = await loginAsSuperAdmin(app.strapi, app.url);
}, 300_000);

afterAll(async () => {
  await app?.stop();
});

describe('the Content Manager presentation written at boot', () => {
  it('labels and explains every field of every content type in plain language', async () => {
    for (const [uid, presentation] of Object.entries(adminPresentation)) {
      const stored = await configuration(admin, uid);
      for (const [name, text] of Object.entries(presentation.fields)) {
        expect(stored.metadatas[name]?.edit.label, `${uid} ${name}`).toBe(text.label);
        expect(stored.metadatas[name]?.edit.description, `${uid} ${name}`).toBe(text.description);
        expect(stored.metadatas[name]?.list.label, `${uid} ${name}`).toBe(text.label);
      }
      expect(stored.settings.mainField).toBe(presentation.mainField);
    }
    const practice = await configuration(admin, uids.practice);
    expect(practice.metadatas.projectStart?.edit.label).toBe('Project start');
    expect(practice.metadatas.contactDetails?.edit.label).toBe('Contact');
  });

  it('lays the practice form out in its groups, in order, and names picked terms by their name', async () => {
    const practice = await configuration(admin, uids.practice);
    const expected = adminPresentation[uids.practice].groups.flatMap((group) => group.rows);
    expect(practice.layouts.edit).toEqual(expected);
    expect(practice.layouts.list).toEqual(['title', 'country', 'validationStatus', 'publicSubmission', 'updatedAt']);
    expect(practice.metadatas.integrationAreas?.edit.mainField).toBe('name');
    expect(practice.metadatas.targetGroups?.edit.mainField).toBe('name');
  });

  it('changes nothing when it runs again', async () => {
    const before = await Promise.all(Object.keys(adminPresentation).map((uid) => configuration(admin, uid)));
    const outcome = await applyContentManagerPresentation(app.strapi);
    expect(outcome).toEqual({ written: [], kept: [] });
    const after = await Promise.all(Object.keys(adminPresentation).map((uid) => configuration(admin, uid)));
    expect(after).toEqual(before);
  });

  it('keeps a label and a layout an administrator changed by hand, on the next boot too', async () => {
    const stored = await configuration(admin, uids.practice);
    const handLabel = 'Name of the project';
    const handLayout = [...stored.layouts.edit].reverse();
    // The GET adds each relation's list `mainField`, which a PUT refuses: the admin page drops it too.
    const metadatas = Object.fromEntries(Object.entries(stored.metadatas).map(([name, { edit, list: { mainField: _mainField, ...list } }]) => [name, { edit: name === 'title' ? { ...edit, label: handLabel } : edit, list }]));
    const saved = await admin.json('PUT', path(uids.practice), { settings: stored.settings, metadatas, layouts: { ...stored.layouts, edit: handLayout } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    await app.stop();
    app = await bootStrapi({ databaseName: sameDatabase(app) });
    admin = await loginAsSuperAdmin(app.strapi, app.url);
    const rebooted = await configuration(admin, uids.practice);
    expect(rebooted.metadatas.title?.edit.label).toBe(handLabel);
    expect(rebooted.layouts.edit).toEqual(handLayout);
    // What nobody touched is still the plugin's.
    expect(rebooted.metadatas.title?.edit.description).toBe(adminPresentation[uids.practice].fields.title?.description);
    expect(rebooted.metadatas.summary?.edit.label).toBe('Short summary');
  });
});
