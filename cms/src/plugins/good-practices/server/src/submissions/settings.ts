/**
 * The public submission endpoint's settings, from the environment, checked when the plugin
 * registers (a malformed value stops the CMS with a message naming the variable):
 *
 *   SUBMISSIONS_PER_CLIENT        posts a client may make per window (default 5)
 *   SUBMISSIONS_WINDOW_MINUTES    the window (default 10)
 *   SUBMISSION_MIN_FILL_SECONDS   a form posted sooner after it was shown is refused (default 3)
 *   SITE_URL                      the site the form posts come from: redirects go there only
 *   SUBMISSION_NOTIFY_TO          who is e-mailed about a new submission (comma-separated addresses;
 *                                 default: the editors), when SMTP_HOST is set
 */
import { isEmailAddress } from '../invariants/email-address';

export interface SubmissionSettings {
  perClient: number;
  windowMs: number;
  minFillMs: number;
  /** The site's origin (`https://site.example.org`), or undefined when SITE_URL is not set. */
  siteOrigin: string | undefined;
  /** SUBMISSION_NOTIFY_TO's addresses; undefined when not set (the editors are told). */
  notifyTo: string[] | undefined;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, allowZero = false): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || (!allowZero && Number(raw) === 0)) {
    throw new Error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} whole number, not ${JSON.stringify(raw)}.`);
  }
  return Number(raw);
}

function originOf(value: string | undefined): string | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function addressList(env: NodeJS.ProcessEnv, name: string): string[] | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const addresses = raw.split(',').map((address) => address.trim()).filter((address) => address !== '');
  const wrong = addresses.find((address) => !isEmailAddress(address));
  if (wrong !== undefined || addresses.length === 0) {
    throw new Error(`${name} must be e-mail addresses separated by commas; ${JSON.stringify(wrong ?? raw)} is not one.`);
  }
  return addresses;
}

export function submissionSettings(env: NodeJS.ProcessEnv = process.env): SubmissionSettings {
  return {
    perClient: positiveInteger(env, 'SUBMISSIONS_PER_CLIENT', 5),
    windowMs: positiveInteger(env, 'SUBMISSIONS_WINDOW_MINUTES', 10) * 60_000,
    minFillMs: positiveInteger(env, 'SUBMISSION_MIN_FILL_SECONDS', 3, true) * 1000,
    siteOrigin: originOf(env.SITE_URL),
    notifyTo: addressList(env, 'SUBMISSION_NOTIFY_TO'),
  };
}
