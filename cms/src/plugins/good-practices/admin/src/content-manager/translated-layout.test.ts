import { describe, expect, it } from 'vitest';
import { adminPresentation, typeKey } from '../../../contract/admin-fields';
import { uids } from '../../../contract/plugin-id';
import ar from '../translations/ar.json';
import cs from '../translations/cs.json';
import es from '../translations/es.json';
import { groupedPanels, translateField } from './translated-layout';

const practice = adminPresentation[uids.practice];

describe('field labels and help texts in the admin languages', () => {
  it.each([
    ['cs', cs],
    ['es', es],
    ['ar', ar],
  ] as const)('%s translates every label and help text of every content type', (_language, file) => {
    const translations = file as Record<string, string>;
    for (const [uid, presentation] of Object.entries(adminPresentation)) {
      for (const name of Object.keys(presentation.fields)) {
        for (const part of ['label', 'description']) {
          const key = `field.${typeKey(uid)}.${name}.${part}`;
          expect(translations[key], key).toMatch(/\S/);
        }
      }
    }
  });

  it('shows the plugin’s English label in the admin language, and a label written by hand as written', () => {
    const stored = { name: 'projectStart', label: 'Project start', hint: practice.fields.projectStart?.description };
    expect(translateField(stored, uids.practice, practice, 'cs')).toMatchObject({ label: 'Začátek projektu', hint: cs['field.practice.projectStart.description'] });
    expect(translateField(stored, uids.practice, practice, 'en')).toMatchObject({ label: 'Project start' });
    expect(translateField({ ...stored, label: 'Kick-off' }, uids.practice, practice, 'cs')).toMatchObject({ label: 'Kick-off', hint: cs['field.practice.projectStart.description'] });
  });
});

describe('the practice form in its groups', () => {
  it('puts each group of rows into its own panel, in order', () => {
    const rows = practice.groups.flatMap((group) => group.rows.map((row) => row.map((field) => ({ name: field.name, label: field.name }))));
    const panels = groupedPanels([rows], practice);
    expect(panels.map((panel) => panel.flat().map((field) => field.name))).toEqual(practice.groups.map((group) => group.rows.flat().map((field) => field.name)));
  });
});
