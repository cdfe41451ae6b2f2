/**
 * Page variants seen on other SPRING pages, built by transforming the real
 * fixtures: layout changes must not change the parsed practice, and every
 * repair must show up in the report.
 */
import { describe, expect, it } from 'vitest';
import { springFramework } from '../../server/src/framework/framework';
import { parseSpringPage } from '../../server/src/import/parse-spring-page';
import type { ParseResult, PracticeDraft } from '../../server/src/import/types';
import { isBlank, readFixture, readOracle } from './helpers/spring-fixtures';

const migracode = readFixture('migracode.txt');
const czech = readFixture('czech-qualification-recognition-portal.txt');
const parse = (text: string, options?: { title?: string; country?: string }): ParseResult => parseSpringPage(text, springFramework, options);

/** The practice without source line numbers, to compare variants whose lines moved. */
const withoutLines = (practice: PracticeDraft) => ({
  ...practice,
  answers: practice.answers.map(({ line: _line, ...answer }) => answer),
});
const codeCounts = (result: ParseResult) =>
  result.report.reduce<Record<string, number>>((counts, entry) => ({ ...counts, [entry.code]: (counts[entry.code] ?? 0) + 1 }), {});
const codes = (result: ParseResult, code: string) => result.report.filter((entry) => entry.code === code);
const lineNumberOf = (text: string, needle: string): number => text.split('\n').findIndex((line) => line === needle) + 1;

describe('layout variants', () => {
  it.each([
    ['migracode', migracode],
    ['czech', czech],
  ])('%s: without any blank lines parses to the same practice and findings', (_name, source) => {
    const stripped = source.split('\n').filter((line) => !isBlank(line)).join('\n');
    expect(stripped.split('\n').every((line) => !isBlank(line))).toBe(true);
    const original = parse(source);
    const variant = parse(stripped);
    expect(withoutLines(variant.practice)).toEqual(withoutLines(original.practice));
    expect(codeCounts(variant)).toEqual(codeCounts(original));
  });

  it.each([
    ['migracode', migracode],
    ['czech', czech],
  ])('%s: CRLF line endings give the same result, line numbers included', (_name, source) => {
    expect(parse(source.replace(/\n/g, '\r\n'))).toEqual(parse(source));
  });

  it('a byte-order mark and trailing spaces change nothing', () => {
    const noisy = '\uFEFF' + migracode.split('\n').map((line) => `${line} \u00A0`).join('\n');
    expect(parse(noisy)).toEqual(parse(migracode));
  });

  it('a "Good practice checklist" label repeated on the next line adds nothing and is reported', () => {
    const labels = migracode.split('\n').filter((line) => line === 'Good practice checklist').length;
    const doubled = migracode.replace(/^Good practice checklist$/gm, 'Good practice checklist\n\nGood practice checklist');
    const original = parse(migracode);
    const variant = parse(doubled);
    expect(withoutLines(variant.practice)).toEqual(withoutLines(original.practice));
    expect(codes(variant, 'repeated-label')).toHaveLength(labels);
  });

  it('an "Inspiring tools:" label repeated on the next line adds nothing and is reported', () => {
    const labels = czech.split('\n').filter((line) => line === 'Inspiring tools:').length;
    const doubled = czech.replace(/^Inspiring tools:$/gm, 'Inspiring tools:\nInspiring tools:');
    const variant = parse(doubled);
    expect(withoutLines(variant.practice)).toEqual(withoutLines(parse(czech).practice));
    expect(codes(variant, 'repeated-label')).toHaveLength(labels);
  });

  it('a tool on the label line and several tool lines are all read', () => {
    const variant = czech.replace('Inspiring tools:\nSupport portal for professionals.', 'Inspiring tools: Support portal for professionals.\nTraining handbook.\nAnnual report 2016');
    const answer = parse(variant).practice.answers.find((candidate) => candidate.questionKey === 'inclusivity.receiving-society');
    expect(answer?.tools).toEqual([
      { name: 'Support portal for professionals', kind: 'portal' },
      { name: 'Training handbook', kind: 'guide' },
      { name: 'Annual report 2016', kind: 'report' },
    ]);
  });

  it('without any "Inspiring tools" blocks the answers have no tools and are otherwise unchanged', () => {
    const lines = czech.split('\n');
    const kept = lines.filter((line, index) => line !== 'Inspiring tools:' && lines[index - 1] !== 'Inspiring tools:');
    expect(kept.length).toBeLessThan(lines.length);
    const original = parse(czech).practice;
    const variant = parse(kept.join('\n')).practice;
    expect(variant.answers.every((answer) => answer.tools.length === 0)).toBe(true);
    expect(variant.answers.map((answer) => answer.body)).toEqual(original.answers.map((answer) => answer.body));
    expect(variant.assessment).toEqual(original.assessment);
  });

  it('a repeated group heading or question line adds nothing and is reported', () => {
    const question = springFramework.groups[0]!.questions[1]!.text;
    const variant = czech.replace('Relevance & Complementarity\n', 'Relevance & Complementarity\nRelevance & Complementarity\n').replace(`${question}\n`, `${question}\n${question}\n`);
    const result = parse(variant);
    expect(withoutLines(result.practice)).toEqual(withoutLines(parse(czech).practice));
    expect(codes(result, 'repeated-label')).toHaveLength(2);
  });
});

describe('metadata variants', () => {
  const filled = migracode
    .replace('COUNTRY\n', 'COUNTRY: Spain\n')
    .replace('PROJECT STARTS\n', 'PROJECT STARTS\n01/09/2017\n')
    .replace('PROJECT ENDS\n', 'PROJECT ENDS: March 2021\n')
    .replace('VALIDATION DATE\n', 'VALIDATION DATE 2022\n')
    .replace('CONTACT DETAILS\n', 'CONTACT DETAILS\ninfo@example.org\n')
    .replace('WEBSITE\n', 'WEBSITE: https://migracode.example\n')
    .replace('FUNDING\n', 'FUNDING\nPrivate donors and CSR funding\n')
    .replace('OBJECTIVES\n', 'OBJECTIVES\nTeach coding to refugees.\n\nHelp them find jobs in tech.\n')
    .replace('INSPIRATION\n', 'INSPIRATION: Similar schools elsewhere\n');

  it('reads values after the label, after a colon and on the next lines', () => {
    const { practice } = parse(filled);
    expect(practice).toMatchObject({
      title: 'MigraCode',
      country: 'ES',
      projectStart: '2017-09-01',
      projectEnd: '2021-03-01',
      validationDate: '2022-01-01',
      contactDetails: 'info@example.org',
      website: 'https://migracode.example',
      funding: 'Private donors and CSR funding',
      objectives: 'Teach coding to refugees.\n\nHelp them find jobs in tech.',
      inspiration: 'Similar schools elsewhere',
    });
  });

  it('reports imprecise and day-first dates, and no longer reports empty labels', () => {
    const result = parse(filled);
    expect(codes(result, 'metadata-empty')).toEqual([]);
    expect(codes(result, 'date-imprecise').map((entry) => entry.line)).toEqual([lineNumberOf(filled, 'PROJECT ENDS: March 2021'), lineNumberOf(filled, 'VALIDATION DATE 2022')]);
    expect(codes(result, 'date-ambiguous').map((entry) => entry.line)).toEqual([lineNumberOf(filled, '01/09/2017')]);
  });

  it('keeps the answers unchanged (only shifted by the added value lines)', () => {
    const added = filled.split('\n').length - migracode.split('\n').length;
    expect(parse(filled).practice.answers).toEqual(parse(migracode).practice.answers.map((answer) => ({ ...answer, line: answer.line + added })));
  });

  it('a title and metadata block added to the Czech page are read; a country name is resolved', () => {
    const variant = 'Qualification recognition portal\nCOUNTRY\nCzech Republic\nPROJECT STARTS\n2012\nPROJECT ENDS\n2014\n' + czech;
    const result = parse(variant);
    expect(result.practice).toMatchObject({ title: 'Qualification recognition portal', country: 'CZ', projectStart: '2012-01-01', projectEnd: '2014-01-01' });
    expect(codes(result, 'country-approximate')).toHaveLength(1);
    expect(codes(result, 'metadata-absent')).toEqual([]);
    expect(codes(result, 'metadata-missing')).toHaveLength(6);
    expect(result.report.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('an unrecognisable date or country is reported and left empty', () => {
    const variant = filled.replace('COUNTRY: Spain', 'COUNTRY: Atlantis').replace('PROJECT ENDS: March 2021', 'PROJECT ENDS: ongoing');
    const result = parse(variant);
    expect(result.practice.country).toBeNull();
    expect(result.practice.projectEnd).toBeNull();
    expect(codes(result, 'country-unrecognised')).toHaveLength(1);
    expect(codes(result, 'date-unrecognised')).toHaveLength(1);
  });

  it('options fill gaps but never override the page, and a disagreement is reported', () => {
    expect(parse(migracode, { country: 'es' }).practice.country).toBe('ES');
    const result = parse(filled, { title: 'Another title', country: 'Portugal' });
    expect(result.practice).toMatchObject({ title: 'MigraCode', country: 'ES' });
    expect(codes(result, 'title-mismatch')).toHaveLength(1);
    expect(codes(result, 'country-mismatch')).toHaveLength(1);
  });
});

describe('content variants', () => {
  it('a question removed from the page is absent from answers and assessment', () => {
    const oracle = readOracle(czech);
    const removed = oracle.questions[3]!;
    const next = oracle.questions[4]!;
    const lines = czech.split('\n');
    const variant = [...lines.slice(0, removed.line - 1), ...lines.slice(next.line - 1)].join('\n');
    const result = parse(variant);
    expect(result.practice.answers.map((answer) => answer.questionKey)).not.toContain(removed.key);
    expect(result.practice.answers).toHaveLength(oracle.questions.length - 1);
    expect(Object.keys(result.practice.assessment).filter((key) => key.startsWith(`${removed.key}.`))).toEqual([]);
    expect(result.report.filter((entry) => entry.code.startsWith('unmapped'))).toEqual([]);
  });

  it('a stray unknown checklist line is reported with its text and line, not dropped', () => {
    const stray = '\u2713 Bake a cake for the volunteers every Friday.';
    const variant = czech.replace('Good practice checklist\n', `Good practice checklist\n${stray}\n`);
    const result = parse(variant);
    const [entry, ...rest] = codes(result, 'unmapped-item');
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ line: lineNumberOf(variant, stray), level: 'error' });
    expect(entry!.message).toContain(stray);
    expect(result.practice.assessment).toEqual(parse(czech).practice.assessment);
  });

  it('text before the first question is reported, not dropped', () => {
    const variant = czech.replace('Inclusivity & Participation\n', 'Inclusivity & Participation\nAn introduction nobody expected.\n');
    expect(codes(parse(variant), 'unmapped-text')).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('An introduction nobody expected.') })]);
  });

  it('slightly different wording still maps, with a fuzzy-match warning', () => {
    const item = springFramework.groups[2]!.questions[0]!.items[2]!;
    const reworded = item.text.replace('Develop a communications strategy', 'Develop communications strategy');
    const variant = czech.replace(item.text, reworded);
    const result = parse(variant);
    expect(result.practice.assessment[item.key]).toBe(parse(czech).practice.assessment[item.key]);
    expect(codes(result, 'fuzzy-item-match')).toEqual([expect.objectContaining({ line: lineNumberOf(variant, `\u2713 ${reworded}`) })]);
  });

  it('straight quotes, other dashes and missing final periods match exactly', () => {
    const variant = czech.replace(/\u2019/g, "'").replace(/\.$/gm, '');
    const result = parse(variant);
    expect(result.practice.assessment).toEqual(parse(czech).practice.assessment);
    expect(result.report.filter((entry) => /fuzzy|unmapped/.test(entry.code))).toEqual([]);
  });

  it('an item listed under the wrong question is still assessed and reported', () => {
    const moved = '\u2713 Identify and analyse gaps in integration support and design actions to fill these gaps.';
    const variant = migracode.replace('\u2713 Ensure achievement of intended outputs / outcomes.', `\u2713 Ensure achievement of intended outputs / outcomes.\n${moved}`);
    const result = parse(variant);
    expect(result.practice.assessment['relevance.migrant-needs.2']).toBe('met');
    expect(codes(result, 'item-in-other-question')).toHaveLength(1);
  });

  it('unusual markers are read and reported; a repeat with another state keeps the first', () => {
    const variant = czech
      .replace('\u2713 Ensure achievement of intended outputs / outcomes.', '\u2714 Ensure achievement of intended outputs / outcomes.')
      .replace('\u2713 Identify and analyse gaps', '\u2014 Identify and analyse gaps')
      .replace('\u2713 Work with relevant partners to jointly review operations, practices, services, and integration outcomes.', '\u2713 Work with relevant partners to jointly review operations, practices, services, and integration outcomes.\n\u2013 Work with relevant partners to jointly review operations, practices, services, and integration outcomes.');
    const result = parse(variant);
    expect(result.practice.assessment['effectiveness.monitoring-evaluation.3']).toBe('met');
    expect(result.practice.assessment['relevance.migrant-needs.2']).toBe('not-met');
    expect(result.practice.assessment['partnership.policy-improvement.2']).toBe('met');
    expect(codes(result, 'unusual-marker')).toHaveLength(2);
    expect(codes(result, 'conflicting-item-state')).toHaveLength(1);
  });
});
