/**
 * The parser against the two real SPRING pages. Every expectation is derived
 * from the fixture text via the oracle in helpers/spring-fixtures.ts.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { springFramework } from '../../server/src/framework/framework';
import { parseSpringPage } from '../../server/src/import/parse-spring-page';
import type { ParseResult } from '../../server/src/import/types';
import { FIXTURE_DIR, FIXTURES, isBlank, readFixture, readOracle } from './helpers/spring-fixtures';
import type { FixtureName, Oracle } from './helpers/spring-fixtures';

const answerOf = (result: ParseResult, key: string) => result.practice.answers.find((answer) => answer.questionKey === key);
const codes = (result: ParseResult, code: string) => result.report.filter((entry) => entry.code === code);

it('finds the fixture pages in the repository', () => {
  expect(FIXTURE_DIR.endsWith('/cms/scripts/demo/pages')).toBe(true);
  for (const name of FIXTURES) expect(fs.existsSync(`${FIXTURE_DIR}/${name}`)).toBe(true);
});

describe.each(FIXTURES)('%s', (name: FixtureName) => {
  const source = readFixture(name);
  const oracle: Oracle = readOracle(source);
  const result = parseSpringPage(source, springFramework);
  const sourceLines = source.split('\n');

  it('is fully classified by the oracle (the fixture has no text the framework does not know)', () => {
    expect(oracle.unclassified).toEqual([]);
    expect(oracle.questions.flatMap((question) => question.items).filter((item) => item.itemKey === null)).toEqual([]);
  });

  it('answers exactly the questions found on the page, in page order', () => {
    expect(result.practice.answers.map((answer) => answer.questionKey)).toEqual(oracle.questions.map((question) => question.key));
    expect(result.practice.answers.map((answer) => answer.line)).toEqual(oracle.questions.map((question) => question.line));
  });

  it('keeps every answer paragraph verbatim, as Markdown paragraphs', () => {
    for (const question of oracle.questions) {
      const answer = answerOf(result, question.key);
      expect(answer?.body).toBe(question.paragraphs.map((paragraph) => paragraph.text).join('\n\n'));
      for (const paragraph of question.paragraphs) expect(answer?.body).toContain(paragraph.text);
    }
  });

  it('never turns blank or non-breaking-space lines into paragraphs', () => {
    for (const answer of result.practice.answers) {
      for (const paragraph of answer.body.split('\n\n')) expect(isBlank(paragraph)).toBe(false);
    }
  });

  it('lists every "Inspiring tools" line as a tool of its answer', () => {
    for (const question of oracle.questions) {
      const names = answerOf(result, question.key)?.tools.map((tool) => tool.name);
      expect(names).toEqual(question.tools.map((tool) => tool.text.replace(/\.$/, '')));
    }
  });

  it('assesses ✓ lines as met and dash or unmarked lines as not met', () => {
    for (const item of oracle.questions.flatMap((question) => question.items)) {
      expect(result.practice.assessment[item.itemKey!], `line ${item.line}`).toBe(item.mark === 'check' ? 'met' : 'not-met');
    }
  });

  it('assesses only the items the page lists (others stay not assessed)', () => {
    const listed = new Set(oracle.questions.flatMap((question) => question.items.map((item) => item.itemKey)));
    expect(Object.keys(result.practice.assessment).sort()).toEqual([...listed].sort());
  });

  it('reports every unmarked item with its line', () => {
    const unmarked = oracle.questions.flatMap((question) => question.items).filter((item) => item.mark === 'none');
    expect(codes(result, 'unmarked-item').map((entry) => entry.line)).toEqual(unmarked.map((item) => item.line));
  });

  it('reports every repeated checklist item with its line and keeps one', () => {
    const seen = new Set<string>();
    const repeats: number[] = [];
    for (const item of oracle.questions.flatMap((question) => question.items)) {
      if (seen.has(item.itemKey!)) repeats.push(item.line);
      seen.add(item.itemKey!);
    }
    expect(codes(result, 'duplicate-item').map((entry) => entry.line)).toEqual(repeats);
  });

  it('maps everything to the framework: nothing unmapped, no fuzzy matches', () => {
    const unmapped = result.report.filter((entry) => /^(unmapped|fuzzy|item-in-other)/.test(entry.code));
    expect(unmapped).toEqual([]);
  });

  it('ignores the site footer', () => {
    const footer = oracle.footerLine === null ? [] : sourceLines.slice(oracle.footerLine - 1).filter((line) => !isBlank(line));
    for (const line of footer) {
      for (const answer of result.practice.answers) expect(answer.body).not.toContain(line.trim());
    }
  });

  it('points every report entry at a non-blank line of the file', () => {
    for (const entry of result.report.filter((candidate) => candidate.line > 0)) {
      expect(isBlank(sourceLines[entry.line - 1] ?? '')).toBe(false);
    }
  });
});

describe('migracode.txt specifics', () => {
  const source = readFixture('migracode.txt');
  const result = parseSpringPage(source, springFramework);
  const lines = source.split('\n');

  it('takes the title from the first line', () => {
    expect(result.practice.title).toBe(lines[0]);
  });

  it('answers 11 of the 12 framework questions (the page skips one)', () => {
    expect(result.practice.answers).toHaveLength(readOracle(source).questions.length);
    expect(result.practice.answers).toHaveLength(11);
  });

  it('has a duplicated checklist item that is reported once, on its second line', () => {
    const duplicate = codes(result, 'duplicate-item');
    expect(duplicate).toHaveLength(1);
    const [entry] = duplicate;
    const repeatedText = lines[entry!.line - 1];
    expect(lines.indexOf(repeatedText!)).toBeLessThan(entry!.line - 1);
  });

  it('reports each metadata label that has no value, at its line', () => {
    const labelLines = lines.flatMap((text, index) => (/^[A-Z][A-Z ]+[A-Z]$/.test(text) ? [index + 1] : []));
    expect(labelLines).toHaveLength(9);
    expect(codes(result, 'metadata-empty').map((entry) => entry.line)).toEqual(labelLines);
    expect(codes(result, 'metadata-absent')).toEqual([]);
  });
});

describe('czech-qualification-recognition-portal.txt specifics', () => {
  const source = readFixture('czech-qualification-recognition-portal.txt');

  it('answers all 12 framework questions', () => {
    const result = parseSpringPage(source, springFramework);
    const frameworkQuestions = springFramework.groups.flatMap((group) => group.questions).length;
    expect(result.practice.answers).toHaveLength(readOracle(source).questions.length);
    expect(result.practice.answers).toHaveLength(frameworkQuestions);
    expect(frameworkQuestions).toBe(12);
  });

  it('has no title line: an error without options.title, the option with it', () => {
    const bare = parseSpringPage(source, springFramework);
    expect(bare.practice.title).toBeNull();
    expect(bare.report).toContainEqual(expect.objectContaining({ level: 'error', code: 'title-missing' }));

    const titled = parseSpringPage(source, springFramework, { title: 'Qualification recognition portal', country: 'Czech Republic' });
    expect(titled.practice.title).toBe('Qualification recognition portal');
    expect(titled.practice.country).toBe('CZ');
    expect(titled.report.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('has no metadata block, which is reported once', () => {
    const result = parseSpringPage(source, springFramework);
    expect(codes(result, 'metadata-absent')).toHaveLength(1);
    expect(codes(result, 'metadata-empty')).toEqual([]);
  });

  it('uses several dash characters for "not met", all read silently', () => {
    const dashes = new Set(source.split('\n').flatMap((line) => (/^[\u2013\u2212-] /u.test(line) ? [line[0]] : [])));
    expect(dashes.size).toBeGreaterThan(1);
    expect(codes(parseSpringPage(source, springFramework), 'unusual-marker')).toEqual([]);
  });

  it('guesses tool kinds from their names', () => {
    const tools = parseSpringPage(source, springFramework).practice.answers.flatMap((answer) => answer.tools);
    for (const tool of tools) {
      if (/case study/i.test(tool.name)) expect(tool.kind).toBe('case-study');
      else if (/portal/i.test(tool.name)) expect(tool.kind).toBe('portal');
      else if (/recommendation/i.test(tool.name)) expect(tool.kind).toBe('recommendation');
    }
    expect(tools.find((tool) => tool.name.startsWith('Case Study'))?.name).toContain('\u2013 Experiences of');
  });
});
