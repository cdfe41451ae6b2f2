/**
 * The "propose a practice" pages' script, in a static build only (a static host cannot read an
 * address): it does in the browser what server mode does on request, over the same markup
 * (components/submit/), with the contract's zod-free form encoding (contract/submission-form.ts).
 *
 * - form (`/{l}/submit/`): pre-fills what the address carries (a self-assessment report's states,
 *   or what the visitor typed when the CMS sent a refused form back), shows the CMS's messages
 *   beside their fields and in a summary that takes the focus, and sets `started_at` to when the
 *   page was shown here (the prerendered value is the build's time, which would make the CMS's
 *   minimum fill time useless);
 * - thanks page: the reference and the private status link from the CMS's redirect;
 * - status page (`/{l}/submit/status/{token}/`, one file for every token: the host rewrites the
 *   address, see `_redirects`): asks the CMS for the token's status.
 * Without JavaScript the form still works (the CMS decides); the other two pages say what they need.
 */
import {
  CONSENT_VALUES,
  readFormErrors,
  REFERENCE_PATTERN,
  STATUS_TOKEN_PATTERN,
  SUBMISSION_STATES,
  submissionFormFields,
  submissionPaths,
} from 'strapi-plugin-good-practices/contract/submission-form';

/** How long the status page waits for the CMS before saying it could not reach it. */
const STATUS_TIMEOUT_MS = 10_000;

const all = <E extends Element>(root: ParentNode, selector: string): E[] => [...root.querySelectorAll<E>(selector)];
const show = (element: Element | null | undefined, visible = true) => {
  if (element instanceof HTMLElement) element.hidden = !visible;
};
/** A message of the page's prerendered templates (with its `lang` when it is a fallback text). */
const message = (templates: HTMLTemplateElement | null, selector: string): Node | null => templates?.content.querySelector(selector)?.cloneNode(true) ?? null;

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const isControl = (element: Element): element is Control =>
  element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement;

function fillForm(form: HTMLFormElement, params: URLSearchParams): void {
  const skipped = new Set<string>([submissionFormFields.honeypot, submissionFormFields.startedAt, 'locale']);
  for (const control of [...form.elements].filter(isControl)) {
    if (skipped.has(control.name) || !params.has(control.name)) continue;
    const value = params.getAll(control.name).at(-1) ?? '';
    if (control instanceof HTMLInputElement && control.type === 'radio') {
      // Only a value the group offers: anything else leaves the group as it is (not assessed).
      const offered = all<HTMLInputElement>(form, 'input[type="radio"]').some((radio) => radio.name === control.name && radio.value === value);
      if (offered) control.checked = control.value === value;
    } else if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      control.checked = CONSENT_VALUES.includes(value);
    } else if (control instanceof HTMLSelectElement) {
      if ([...control.options].some((option) => option.value === value)) control.value = value;
    } else {
      control.value = value;
    }
  }
  // A criteria group the visitor has answered opens, as the server renders it.
  for (const group of all<HTMLDetailsElement>(form, 'details')) {
    const answered = [...group.querySelectorAll('textarea, input[type="radio"]')]
      .filter(isControl)
      .some((control) => (control instanceof HTMLInputElement ? control.checked && control.value !== 'not-assessed' : control.value.trim() !== ''));
    if (answered) group.open = true;
  }
}

function showErrors(form: HTMLFormElement, params: URLSearchParams): void {
  const errors = readFormErrors(params.get(submissionFormFields.errors));
  const summary = document.querySelector<HTMLElement>('[data-form-errors]');
  if (errors.length === 0 || !summary) return;
  const fieldIds = JSON.parse(form.dataset.fieldIds ?? '{}') as Record<string, string>;
  const templates = form.querySelector<HTMLTemplateElement>('template[data-error-messages]');
  const list = summary.querySelector('ul');
  for (const error of errors) {
    const text = message(templates, `[data-code="${error.code}"]`);
    if (!text) continue;
    const id = fieldIds[error.field];
    const link = document.createElement('a');
    link.href = `#${id ?? ''}`;
    link.append(text.cloneNode(true));
    const item = document.createElement('li');
    item.append(link);
    list?.append(item);
    const beside = form.querySelector<HTMLElement>(`[data-field-error="${error.field}"]`);
    if (beside && beside.hidden) {
      beside.replaceChildren(text);
      beside.hidden = false;
    }
    const control = id ? document.getElementById(id) : null;
    if (control && isControl(control) && beside?.id) {
      control.setAttribute('aria-invalid', 'true');
      const described = new Set((control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
      described.add(beside.id);
      control.setAttribute('aria-describedby', [...described].join(' '));
    }
  }
  show(summary.querySelector('[data-truncated]'), params.get(submissionFormFields.truncated) === '1');
  summary.hidden = false;
  summary.focus();
}

function setUpForm(form: HTMLFormElement): void {
  const started = form.elements.namedItem(submissionFormFields.startedAt);
  if (started instanceof HTMLInputElement) started.value = String(Date.now());
  if (!location.search) return;
  const params = new URLSearchParams(location.search);
  fillForm(form, params);
  showErrors(form, params);
}

function setUpThanks(root: HTMLElement): void {
  const params = new URLSearchParams(location.search);
  const reference = params.get('ref') ?? '';
  const token = params.get('token') ?? '';
  if (REFERENCE_PATTERN.test(reference)) {
    const strong = root.querySelector('[data-thanks="reference"] strong');
    if (strong) strong.textContent = reference;
    show(root.querySelector('[data-thanks="reference"]'));
  }
  if (STATUS_TOKEN_PATTERN.test(token)) {
    const link = root.querySelector<HTMLAnchorElement>('[data-thanks="status"] a');
    if (link) link.href = `${link.getAttribute('href')}${encodeURIComponent(token)}/`;
    show(root.querySelector('[data-thanks="status"]'));
  }
}

/** The token of `/{l}/submit/status/{token}/`, the page's own address (the host rewrote it to this file). */
function tokenOfAddress(): string {
  const segments = location.pathname.split('/').filter(Boolean);
  const at = segments.lastIndexOf('status');
  try {
    return at >= 0 && segments.length === at + 2 ? decodeURIComponent(segments[at + 1]!) : '';
  } catch {
    return '';
  }
}

async function lookUpStatus(root: HTMLElement): Promise<void> {
  const part = (name: string) => root.querySelector(`[data-status-part="${name}"]`);
  const token = tokenOfAddress();
  if (!STATUS_TOKEN_PATTERN.test(token)) return show(part('unknown'));
  show(part('loading'));
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), STATUS_TIMEOUT_MS);
  let outcome: 'found' | 'unknown' | 'unreachable' = 'unreachable';
  try {
    const response = await fetch(`${root.dataset.cms ?? ''}${submissionPaths.status(token)}`, {
      signal: abort.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { Accept: 'application/json' },
    });
    if (response.status === 404) outcome = 'unknown';
    else if (response.ok) {
      const body = (await response.json()) as { data?: { reference?: unknown; state?: unknown } };
      const reference = body.data?.reference;
      const state = body.data?.state;
      // Only what the contract allows reaches the page.
      if (typeof reference === 'string' && REFERENCE_PATTERN.test(reference) && (SUBMISSION_STATES as readonly unknown[]).includes(state)) {
        const labels = root.querySelector<HTMLTemplateElement>('template[data-status-labels]');
        const word = message(labels, `[data-state="${String(state)}"]`);
        const referenceCell = root.querySelector('[data-status-reference]');
        const stateCell = root.querySelector('[data-status-state]');
        if (referenceCell) referenceCell.textContent = reference;
        if (stateCell && word) stateCell.replaceChildren(word);
        outcome = 'found';
      }
    }
  } catch {
    outcome = 'unreachable';
  } finally {
    clearTimeout(timer);
  }
  show(part('loading'), false);
  show(part(outcome));
}

const form = document.querySelector<HTMLFormElement>('form[data-submit-form]');
if (form) setUpForm(form);
const thanks = document.querySelector<HTMLElement>('[data-submit-thanks]');
if (thanks) setUpThanks(thanks);
const status = document.querySelector<HTMLElement>('[data-submission-status="template"]');
if (status) void lookUpStatus(status);
