/**
 * The criteria part of a page: group headings, questions with their answer
 * paragraphs, "Inspiring tools" and "Good practice checklist" sections.
 *
 * Read as a line-by-line state machine because pages differ in blank lines
 * and repeated labels but never in the order of sections. Everything is
 * mapped to framework keys; whatever cannot be mapped is reported with its
 * line and text instead of being dropped.
 */
import type { FrameworkGroup } from '../framework/framework';
import { readChecklistMarker } from './checklist-marker';
import type { FrameworkMatcher } from './match-framework';
import { isChecklistLabel, isCriteriaHeading, matchToolsLabel } from './page-labels';
import type { PageLine } from './page-lines';
import type { Report } from './report';
import { readTool } from './tools';
import type { Answer, AssessmentState, PracticeDraft } from './types';

type Section = 'answer' | 'tools' | 'checklist';

/** What the previous content line was, to recognise a label repeated on the next line. */
type Previous = 'criteria-heading' | 'checklist-label' | 'tools-label' | `group:${string}` | `question:${string}` | 'content';

interface AnswerInProgress {
  answer: Answer;
  paragraphs: string[];
}

interface AssessedItem {
  line: number;
  state: AssessmentState;
}

interface ReaderState {
  group: FrameworkGroup | null;
  current: AnswerInProgress | null;
  section: Section;
  previous: Previous | null;
  seenCriteriaHeading: boolean;
}

export type CriteriaContent = Pick<PracticeDraft, 'answers' | 'assessment'>;

export function readCriteria(lines: readonly PageLine[], matcher: FrameworkMatcher, report: Report): CriteriaContent {
  const answers = new Map<string, AnswerInProgress>();
  const assessed = new Map<string, AssessedItem>();
  // Held in one object because the helpers below update it; TypeScript does not track closure writes to local lets.
  const state: ReaderState = { group: null, current: null, section: 'answer', previous: null, seenCriteriaHeading: false };

  const readChecklistLine = (line: PageLine): void => {
    const marker = readChecklistMarker(line.text);
    const questionKey = state.current?.answer.questionKey ?? null;
    const match = matcher.item(marker.text, questionKey);
    if (match === null) {
      report.error(line.line, 'unmapped-item', `Checklist line not mapped to any framework item${questionKey === null ? '' : ` (under ${questionKey})`}: "${line.text}"`);
      return;
    }
    const itemKey = match.entry.key;
    if (marker.kind === 'none') {
      report.warn(line.line, 'unmarked-item', `Checklist item ${itemKey} has no ✓ or dash; treated as not met.`);
    } else if (marker.kind === 'unusual') {
      report.warn(line.line, 'unusual-marker', `Checklist item ${itemKey} is marked with "${marker.marker}"; read as ${marker.state}.`);
    }
    if (!match.exact) {
      report.warn(line.line, 'fuzzy-item-match', `Checklist line matched ${itemKey} approximately (similarity ${match.score.toFixed(2)}): "${marker.text}"`);
    }
    if (match.question.key !== questionKey) {
      report.warn(line.line, 'item-in-other-question', `Checklist item ${itemKey} belongs to ${match.question.key} but is listed under ${questionKey ?? 'no question'}.`);
    }
    const first = assessed.get(itemKey);
    if (first !== undefined) {
      report.warn(line.line, 'duplicate-item', `Checklist item ${itemKey} repeated (first on line ${first.line}); the repeat is ignored.`);
      if (first.state !== marker.state) {
        report.warn(line.line, 'conflicting-item-state', `Checklist item ${itemKey} is ${marker.state} here but ${first.state} on line ${first.line}; the first state is kept.`);
      }
      return;
    }
    assessed.set(itemKey, { line: line.line, state: marker.state });
  };

  const addTool = (line: PageLine, text: string): void => {
    if (state.current === null) {
      report.warn(line.line, 'tool-outside-answer', `Inspiring tool outside any answered question, not mapped: "${text}"`);
      return;
    }
    const tool = readTool(text);
    if (state.current.answer.tools.some((existing) => existing.name === tool.name)) {
      report.warn(line.line, 'duplicate-tool', `Inspiring tool repeated in ${state.current.answer.questionKey}; ignored: "${text}"`);
      return;
    }
    state.current.answer.tools.push(tool);
  };

  const startQuestion = (line: PageLine): boolean => {
    const match = matcher.question(line.text);
    if (match === null) return false;
    const question = match.entry;
    if (state.previous === `question:${question.key}`) {
      report.warn(line.line, 'repeated-label', `Question ${question.key} repeated on the next line; ignored.`);
      return true;
    }
    if (!match.exact) {
      report.warn(line.line, 'fuzzy-question-match', `Question matched ${question.key} approximately (similarity ${match.score.toFixed(2)}): "${line.text}"`);
    }
    const questionGroup = matcher.groupOfQuestion(question.key);
    if (state.group !== null && state.group.key !== questionGroup.key) {
      report.warn(line.line, 'question-outside-group', `Question ${question.key} appears under the heading "${state.group.title}".`);
    }
    state.group = questionGroup;
    const existing = answers.get(question.key);
    if (existing !== undefined) {
      report.warn(line.line, 'duplicate-question', `Question ${question.key} appears again (first on line ${existing.answer.line}); its content is added to the first answer.`);
      state.current = existing;
    } else {
      state.current = { answer: { questionKey: question.key, body: '', tools: [], line: line.line }, paragraphs: [] };
      answers.set(question.key, state.current);
    }
    state.section = 'answer';
    state.previous = `question:${question.key}`;
    return true;
  };

  for (const line of lines) {
    if (isCriteriaHeading(line.text)) {
      if (state.seenCriteriaHeading) report.warn(line.line, 'repeated-label', `"${line.text}" heading repeated; ignored.`);
      state.seenCriteriaHeading = true;
      state.previous = 'criteria-heading';
      continue;
    }

    const headingGroup = matcher.group(line.text);
    if (headingGroup !== null) {
      if (state.previous === `group:${headingGroup.key}`) report.warn(line.line, 'repeated-label', `Group heading "${line.text}" repeated; ignored.`);
      state.group = headingGroup;
      state.current = null;
      state.section = 'answer';
      state.previous = `group:${headingGroup.key}`;
      continue;
    }

    if (isChecklistLabel(line.text)) {
      if (state.section === 'checklist') report.warn(line.line, 'repeated-label', `"${line.text}" label repeated; ignored.`);
      state.section = 'checklist';
      state.previous = 'checklist-label';
      continue;
    }

    const toolsRemainder = matchToolsLabel(line.text);
    if (toolsRemainder !== null) {
      if (state.section === 'tools') report.warn(line.line, 'repeated-label', `"${line.text}" label repeated; ignored.`);
      state.section = 'tools';
      state.previous = 'tools-label';
      if (toolsRemainder !== '') addTool(line, toolsRemainder);
      continue;
    }

    // A marked line inside a checklist is an item even if it resembles a question.
    if (state.section === 'checklist' && readChecklistMarker(line.text).kind !== 'none') {
      readChecklistLine(line);
      state.previous = 'content';
      continue;
    }
    if (startQuestion(line)) continue;
    state.previous = 'content';

    if (state.section === 'checklist') readChecklistLine(line);
    else if (state.section === 'tools') addTool(line, line.text);
    else if (state.current !== null) state.current.paragraphs.push(line.text);
    else report.warn(line.line, 'unmapped-text', `Text outside any question, not mapped: "${line.text}"`);
  }

  const result: Answer[] = [];
  for (const { answer, paragraphs } of answers.values()) {
    if (paragraphs.length === 0) report.warn(answer.line, 'empty-answer', `Question ${answer.questionKey} has no answer text.`);
    result.push({ ...answer, body: paragraphs.join('\n\n') });
  }
  const assessment: Record<string, AssessmentState> = {};
  for (const [key, { state }] of assessed) assessment[key] = state;
  return { answers: result, assessment };
}
