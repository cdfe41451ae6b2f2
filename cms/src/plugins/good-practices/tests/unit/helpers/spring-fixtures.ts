/**
 * Test oracle for the SPRING fixture pages.
 *
 * Deliberately simpler and stricter than the parser: lines are classified by
 * exact string equality with the framework texts and the page labels, so the
 * expectations in the tests come from the fixture text itself rather than
 * from the parser under test or from hand-copied results.
 */
import fs from 'node:fs';
import path from 'node:path';
import { springFramework } from '../../../server/src/framework/framework';

// The two real SPRING pages, as the repository carries them for the demo content (a test in
// cms/tests/unit/demo-content.test.ts checks they equal the originals in ../shared when present):
// tests/unit/helpers -> plugin root (3 up) -> cms (3 more up) -> scripts/demo/pages
export const FIXTURE_DIR = path.resolve(__dirname, '../../../../../../scripts/demo/pages');
export const FIXTURES = ['migracode.txt', 'czech-qualification-recognition-portal.txt'] as const;
export type FixtureName = (typeof FIXTURES)[number];

export function readFixture(name: FixtureName): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8');
}

export type Mark = 'check' | 'dash' | 'none';

export interface OracleLine {
  line: number;
  text: string;
}

export interface OracleItem extends OracleLine {
  mark: Mark;
  /** Text without the marker. */
  itemText: string;
  /** Framework item with exactly this text under the current question, or null. */
  itemKey: string | null;
}

export interface OracleQuestion extends OracleLine {
  key: string;
  paragraphs: OracleLine[];
  tools: OracleLine[];
  items: OracleItem[];
}

export interface Oracle {
  questions: OracleQuestion[];
  unclassified: OracleLine[];
  footerLine: number | null;
}

const questions = springFramework.groups.flatMap((group) => group.questions);
const groupTitles = new Set(springFramework.groups.map((group) => group.title));

/** Blank for the oracle: whitespace only, including the non-breaking spaces the site emits. */
export function isBlank(text: string): boolean {
  return /^[\s\u00A0]*$/u.test(text);
}

export function markOf(text: string): { mark: Mark; itemText: string } {
  if (text.startsWith('\u2713 ')) return { mark: 'check', itemText: text.slice(2) };
  if (/^[\u2013\u2212-] /u.test(text)) return { mark: 'dash', itemText: text.slice(2) };
  return { mark: 'none', itemText: text };
}

export function readOracle(source: string): Oracle {
  const lines = source.split('\n');
  const result: Oracle = { questions: [], unclassified: [], footerLine: null };
  let current: OracleQuestion | null = null;
  let section: 'answer' | 'tools' | 'checklist' | 'header' = 'header';

  for (const [index, raw] of lines.entries()) {
    const text = raw.trim();
    const line = index + 1;
    if (isBlank(text)) continue;
    if (text === 'Consortium') {
      result.footerLine = line;
      break;
    }
    const question = questions.find((candidate) => candidate.text === text);
    if (question !== undefined) {
      current = { line, text, key: question.key, paragraphs: [], tools: [], items: [] };
      result.questions.push(current);
      section = 'answer';
      continue;
    }
    if (groupTitles.has(text) || text === 'Good Practice Criteria') {
      current = null;
      section = 'header';
      continue;
    }
    if (text === 'Good practice checklist') {
      section = 'checklist';
      continue;
    }
    if (text === 'Inspiring tools:') {
      section = 'tools';
      continue;
    }
    if (current === null) {
      if (section !== 'header') result.unclassified.push({ line, text });
      continue;
    }
    if (section === 'answer') current.paragraphs.push({ line, text });
    else if (section === 'tools') current.tools.push({ line, text });
    else {
      const { mark, itemText } = markOf(text);
      const questionKey: string = current.key;
      const item = questions.find((candidate) => candidate.key === questionKey)?.items.find((candidate) => candidate.text === itemText);
      current.items.push({ line, text, mark, itemText, itemKey: item?.key ?? null });
    }
  }
  return result;
}
