/**
 * The self-assessment pages' script, in a static build only (a static host has no server to read
 * a query string or an upload): it does in the browser what server mode does on request, over the
 * same markup and with the same modules (../fields.ts, ../answers-file.ts, ../scores.ts).
 *
 * - report: reads the answers from the query string and fills in the prerendered template
 *   (counts, score bars, notes; shows the items not met or not assessed, whose suggestions the
 *   build wrote in), sets the edit / download / propose links and shows the report;
 * - form: pre-fills from the query string; reads an uploaded answers file, checked like the
 *   server checks it, and fills the form in or says why the file was refused.
 */
import { type Assessment, type AssessmentState, type FrameworkKeys, noteField, readAssessmentFields, stateOf } from '../fields';
import { answersFileOf, MAX_ANSWERS_FILE_BYTES, readAnswersFile, type AnswersFileProblem } from '../answers-file';
import { assessmentFields } from '../fields';
import { countGroup, type GroupCount } from '../scores';

const SVG = 'http://www.w3.org/2000/svg';
const MARKS: Record<AssessmentState, string> = { met: '✓', 'not-met': '✗', 'not-assessed': '–' };

const fill = (text: string, vars: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all));
const all = <E extends Element>(root: ParentNode, selector: string): E[] => [...root.querySelectorAll<E>(selector)];

/** The ScoreBar component's drawing (components/ScoreBar.astro), for a count known only in the browser. */
function drawScore(container: Element, count: GroupCount, labels: Record<string, string>): void {
  const svg = container.querySelector('svg');
  if (!svg) return;
  const width = 100;
  const total = Math.max(count.total, 1);
  const met = (count.met / total) * width;
  const notMet = (count.notMet / total) * width;
  const notAssessed = (count.notAssessed / total) * width;
  for (const rect of all(svg, 'rect:not(.seg-empty)')) rect.remove();
  const segment = (cls: string, x: number, w: number) => {
    if (w <= 0) return;
    const rect = document.createElementNS(SVG, 'rect');
    for (const [name, value] of Object.entries({ class: cls, x: String(x), y: '0', width: String(w), height: '10' })) rect.setAttribute(name, value);
    svg.append(rect);
  };
  segment('seg-met', 0, met);
  segment('seg-not-met', met, notMet);
  segment('seg-not-assessed', met + notMet, notAssessed);
  const summary = fill(labels['score.summary']!, { met: count.met, total: count.total });
  const detail = fill(labels['score.detail']!, { met: count.met, notMet: count.notMet, notAssessed: count.notAssessed });
  const title = svg.querySelector('title');
  if (title) title.textContent = `${summary}. ${detail}`;
  const strong = container.querySelector('.score-text strong');
  if (strong) strong.textContent = summary;
  const span = container.querySelector('.score-detail');
  if (span) span.textContent = `(${detail})`;
}

function renderReport(report: HTMLElement): void {
  const labels = JSON.parse(report.dataset.labels ?? '{}') as Record<string, string>;
  const sections = all<HTMLElement>(report, '[data-group]');
  const keys: FrameworkKeys = {
    items: all<HTMLElement>(report, '[data-item]').map((li) => li.dataset.item!),
    questions: all<HTMLElement>(report, '[data-note]').map((div) => div.dataset.note!),
  };
  const { assessment, invalid } = readAssessmentFields(new URLSearchParams(location.search), keys);
  const invalidNotice = report.querySelector<HTMLElement>('[data-invalid]');
  if (invalidNotice) invalidNotice.hidden = invalid.length === 0;
  let met = 0;
  let total = 0;
  for (const section of sections) {
    const gaps = all<HTMLElement>(section, '[data-item]');
    const count = countGroup({ key: section.dataset.group!, questions: [{ key: '', items: gaps.map((li) => ({ key: li.dataset.item! })) }] }, assessment);
    met += count.met;
    total += count.total;
    const score = section.querySelector('[data-score]');
    if (score) drawScore(score, count, labels);
    let noted = 0;
    for (const div of all<HTMLElement>(section, '[data-note]')) {
      const note = assessment.notes[div.dataset.note!] ?? '';
      div.hidden = note === '';
      const dd = div.querySelector('dd');
      if (dd) dd.textContent = note;
      if (note) noted += 1;
    }
    const notes = section.querySelector<HTMLElement>('[data-notes]');
    if (notes) notes.hidden = noted === 0;
    for (const li of gaps) {
      const state = stateOf(assessment, li.dataset.item!);
      li.hidden = state === 'met';
      li.className = `gap item-${state}`;
      const mark = li.querySelector('.mark');
      if (mark) mark.textContent = MARKS[state];
      const word = li.querySelector('.state');
      if (word) word.textContent = labels[`state.${state}`] ?? state;
    }
    const allMet = section.querySelector<HTMLElement>('[data-all-met]');
    if (allMet) allMet.hidden = count.met < count.total;
    const list = section.querySelector<HTMLElement>('.gaps');
    if (list) list.hidden = count.met === count.total;
  }
  const totalText = report.querySelector('[data-total]');
  if (totalText) totalText.textContent = fill(labels['assessment.report.total']!, { met, total });

  const query = assessmentFields(assessment, keys).toString();
  for (const link of all<HTMLAnchorElement>(report, 'a[data-link]')) {
    if (link.dataset.link === 'download') {
      const file = JSON.stringify(answersFileOf(assessment, document.documentElement.lang), null, 2);
      link.href = URL.createObjectURL(new Blob([file], { type: 'application/json' }));
    } else {
      link.href = `${link.pathname}?${query}`;
    }
  }
  report.hidden = false;
}

function fillForm(form: HTMLFormElement, assessment: Assessment, keys: FrameworkKeys): void {
  for (const key of keys.items) {
    const state = stateOf(assessment, key);
    for (const input of all<HTMLInputElement>(form, 'input[type="radio"]')) if (input.name === key) input.checked = input.value === state;
  }
  for (const key of keys.questions) {
    const area = all<HTMLTextAreaElement>(form, 'textarea').find((candidate) => candidate.name === noteField(key));
    if (area) area.value = assessment.notes[key] ?? '';
  }
}

function setUpForm(form: HTMLFormElement): void {
  const keys: FrameworkKeys = {
    items: [...new Set(all<HTMLInputElement>(form, 'input[type="radio"]').map((input) => input.name))],
    questions: all<HTMLTextAreaElement>(form, 'textarea').map((area) => area.name.slice(noteField('').length)),
  };
  if (location.search) fillForm(form, readAssessmentFields(new URLSearchParams(location.search), keys).assessment, keys);

  const upload = document.querySelector<HTMLFormElement>('[data-upload-form]');
  const message = document.querySelector<HTMLElement>('[data-upload-message]');
  if (!upload || !message) return;
  const messages = JSON.parse(message.dataset.messages ?? '{}') as Record<string, string>;
  const say = (outcome: 'loaded' | AnswersFileProblem, detail = '') => {
    message.textContent = fill(messages[outcome] ?? outcome, { key: detail });
    message.setAttribute('role', outcome === 'loaded' ? 'status' : 'alert');
    message.classList.toggle('upload-error', outcome !== 'loaded');
    message.hidden = false;
  };
  upload.addEventListener('submit', (event) => {
    event.preventDefault();
    const file = upload.querySelector<HTMLInputElement>('input[type="file"]')?.files?.[0];
    if (!file || file.size === 0) return say('missing');
    if (file.size > MAX_ANSWERS_FILE_BYTES) return say('too-large');
    void file.text().then(
      (text) => {
        const read = readAnswersFile(text, keys);
        if (!read.ok) return say(read.problem, read.detail);
        fillForm(form, read.assessment, keys);
        say('loaded');
      },
      () => say('not-answers'),
    );
  });
}

const report = document.querySelector<HTMLElement>('[data-assessment-report="template"]');
if (report) renderReport(report);
const form = document.querySelector<HTMLFormElement>('[data-assessment-form]');
if (form) setUpForm(form);
