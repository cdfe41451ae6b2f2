/**
 * The framework JSON is the union of the fixture pages: every question and
 * checklist item on either page is in it, verbatim, and nothing else is.
 */
import { describe, expect, it } from 'vitest';
import data from '../../server/src/framework/spring-framework.json';
import { frameworkSchema, loadFramework, springFramework } from '../../server/src/framework/framework';
import { FIXTURES, isBlank, markOf, readFixture } from './helpers/spring-fixtures';

const fixtureLines = FIXTURES.flatMap((name) => readFixture(name).split('\n').map((line) => line.trim()).filter((line) => !isBlank(line)));
const questions = springFramework.groups.flatMap((group) => group.questions);
const items = questions.flatMap((question) => question.items);

describe('spring-framework.json', () => {
  it('validates against frameworkSchema', () => {
    expect(frameworkSchema.safeParse(data).success).toBe(true);
  });

  it('has the five SPRING criteria as groups, each title a heading on the pages', () => {
    expect(springFramework.groups.map((group) => group.key)).toEqual(['inclusivity', 'relevance', 'effectiveness', 'sustainability', 'partnership']);
    for (const group of springFramework.groups) expect(fixtureLines).toContain(group.title);
  });

  it('has 12 questions, each appearing verbatim on at least one page', () => {
    expect(questions).toHaveLength(12);
    for (const question of questions) expect(fixtureLines).toContain(question.text);
  });

  it('has every checklist item of both pages exactly once, verbatim', () => {
    const pageItems = new Set(
      FIXTURES.flatMap((name) => {
        const lines = readFixture(name).split('\n').map((line) => line.trim());
        // Marked lines, plus unmarked lines that are framework items (MigraCode leaves some unmarked).
        return lines.flatMap((line) => {
          const { mark, itemText } = markOf(line);
          return mark !== 'none' || items.some((item) => item.text === line) ? [itemText] : [];
        });
      }),
    );
    expect(items.map((item) => item.text).sort()).toEqual([...pageItems].sort());
    expect(new Set(items.map((item) => item.text)).size).toBe(items.length);
  });

  it('keeps typographic apostrophes and the pages’ missing final periods', () => {
    expect(items.some((item) => item.text.includes('\u2019'))).toBe(true);
    expect(items.some((item) => !item.text.endsWith('.'))).toBe(true);
  });

  it('uses positional item keys under meaningful question keys', () => {
    for (const group of springFramework.groups) {
      for (const question of group.questions) {
        expect(question.key).toMatch(new RegExp(`^${group.key}\\.[a-z]+(?:-[a-z]+)*$`));
        question.items.forEach((item, index) => expect(item.key).toBe(`${question.key}.${index + 1}`));
      }
    }
  });
});

describe('frameworkSchema', () => {
  const copy = (): typeof data => JSON.parse(JSON.stringify(data)) as typeof data;

  it('rejects duplicate keys', () => {
    const broken = copy();
    broken.groups[1]!.questions[0]!.key = broken.groups[0]!.questions[0]!.key;
    expect(() => loadFramework(broken)).toThrow();
  });

  it('rejects orders that disagree with array order', () => {
    const broken = copy();
    broken.groups[0]!.questions[0]!.items[0]!.order = 7;
    expect(() => loadFramework(broken)).toThrow(/order/);
  });

  it('rejects a question key outside its group', () => {
    const broken = copy();
    const question = broken.groups[0]!.questions[0]!;
    question.key = 'relevance.accessible-services';
    question.items.forEach((item, index) => (item.key = `${question.key}.${index + 1}`));
    expect(() => loadFramework(broken)).toThrow(/not prefixed/);
  });
});
