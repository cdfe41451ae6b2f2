import { describe, expect, it } from 'vitest';
import { uids } from '../../../contract/plugin-id';
import { readsPractices, withoutCriteriaFrameworkLinks } from './criteria-framework';

const read = (subject: string) => ({ action: 'plugin::content-manager.explorer.read', subject });
const create = (subject: string) => ({ action: 'plugin::content-manager.explorer.create', subject });
const links = [uids.checklistItem, uids.criteriaGroup, uids.tool, uids.practice, uids.integrationArea, uids.question, uids.targetGroup].map((uid) => ({ uid, title: uid }));

describe("the Content Manager's menu", () => {
  it('shows an editor (reads the framework, creates practices only) practices and tools, not the framework', () => {
    const editor = [...links.map((link) => read(link.uid)), create(uids.practice), create(uids.tool)];
    expect(withoutCriteriaFrameworkLinks(links, editor).map((link) => link.uid)).toEqual([uids.tool, uids.practice]);
  });

  it('shows an administrator every type', () => {
    const admin = [...links.map((link) => read(link.uid)), create(uids.checklistItem)];
    expect(withoutCriteriaFrameworkLinks(links, admin)).toEqual(links);
  });

  it('stays whole while the permissions are not known', () => {
    expect(withoutCriteriaFrameworkLinks(links, undefined)).toEqual(links);
  });
});

describe('the landing on practices', () => {
  it('needs the permission to read practices', () => {
    expect(readsPractices([read(uids.practice)])).toBe(true);
    expect(readsPractices([read(uids.tool), create(uids.practice)])).toBe(false);
  });
});
