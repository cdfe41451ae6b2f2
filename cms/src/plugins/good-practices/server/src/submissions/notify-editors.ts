/**
 * Tells editors of a new submission by e-mail, through Strapi's email plugin, when SMTP settings
 * are given (SMTP_HOST; cms/src/email-provider.ts configures the nodemailer provider then).
 * Without them nothing is sent. Recipients: SUBMISSION_NOTIFY_TO when set, else the active admin
 * users with the Good-practice editor role, else (no editor yet) the super admins.
 *
 * The mail names the practice (title, language, reference) and links to it in the admin; it
 * holds none of the sender's contact data: editors read those in the admin, behind a login, and
 * personal data do not travel through mailboxes they need not be in.
 *
 * Sending never delays or fails the submission: the mail leaves after the visitor has been
 * answered, and a mail server that is down or refuses costs a warning in the log.
 */
import type { Core } from '@strapi/strapi';
import { EDITOR_ROLE, SUPER_ADMIN_CODE } from '../access/role-codes';
import { uids } from '../plugin-id';
import { submissionSettings } from './settings';

export interface NewSubmission {
  reference: string;
  title: string;
  locale: string;
  documentId: string;
}

export interface SubmissionMail {
  to: string[];
  subject: string;
  text: string;
  /** The same text, escaped: Strapi's nodemailer provider would otherwise send `text` as HTML too. */
  html: string;
}

interface EmailService {
  send(options: { to: string; subject: string; text: string; html: string }): Promise<unknown>;
}

export function smtpConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.SMTP_HOST ?? '').trim() !== '';
}

async function editorAddresses(strapi: Core.Strapi): Promise<string[]> {
  for (const code of [EDITOR_ROLE.code, SUPER_ADMIN_CODE]) {
    const users = (await strapi.db.query('admin::user').findMany({
      where: { isActive: true, blocked: false, roles: { code } },
      select: ['email'],
    })) as { email: string | null }[];
    const addresses = users.map((user) => user.email).filter((email): email is string => Boolean(email));
    if (addresses.length > 0) return [...new Set(addresses)];
  }
  return [];
}

/** One line, printable: a title is the visitor's text and must not add mail headers or lines. */
function oneLine(text: string, max: number): string {
  const line = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The admin's edit view of the submitted practice in its language. */
export function adminEntryUrl(adminUrl: string, submission: Pick<NewSubmission, 'documentId' | 'locale'>): string {
  const base = adminUrl.replace(/\/+$/, '');
  return `${base}/content-manager/collection-types/${uids.practice}/${encodeURIComponent(submission.documentId)}?plugins[i18n][locale]=${encodeURIComponent(submission.locale)}`;
}

export function submissionMail(to: string[], submission: NewSubmission, adminUrl: string): SubmissionMail {
  const title = oneLine(submission.title, 300);
  const text = [
    `A practice was proposed through the site: “${title}”.`,
    `Language: ${submission.locale}`,
    `Reference: ${submission.reference}`,
    'It is a draft with the validation status Submitted; nothing is published until an editor publishes it. The contact details of the person who proposed it are in the entry.',
    `Open it in the admin: ${adminEntryUrl(adminUrl, submission)}`,
  ].join('\n\n');
  return {
    to,
    subject: `New practice proposed: ${oneLine(submission.title, 120)} (${submission.reference})`,
    text,
    html: text
      .split('\n\n')
      .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
      .join('\n'),
  };
}

async function send(strapi: Core.Strapi, submission: NewSubmission): Promise<void> {
  const to = submissionSettings().notifyTo ?? (await editorAddresses(strapi));
  if (to.length === 0) {
    strapi.log.warn(`[good-practices] submission ${submission.reference}: no editor to e-mail (no active editor or admin with an address).`);
    return;
  }
  const email = strapi.plugin('email')?.service('email') as EmailService | undefined;
  if (!email) return;
  const mail = submissionMail(to, submission, String(strapi.config.get('admin.absoluteUrl') ?? ''));
  await email.send({ ...mail, to: mail.to.join(', ') });
}

/** Starts the mail and returns at once; what happens to it is logged, never thrown. */
export function notifyEditors(strapi: Core.Strapi, submission: NewSubmission): void {
  if (!smtpConfigured()) return;
  send(strapi, submission).catch((error: unknown) => {
    strapi.log.warn(`[good-practices] could not e-mail editors about submission ${submission.reference}: ${(error as Error).message}`);
  });
}
