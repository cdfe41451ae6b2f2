/**
 * Tells editors of a new submission by e-mail, through Strapi's email plugin, when SMTP settings
 * are given (SMTP_HOST; cms/config/plugins.ts configures the nodemailer provider then). Without
 * them nothing is sent and nothing fails. Recipients: the active admin users with the editor role
 * (else the super admins). The mail holds the reference, the title and the language, never the
 * sender's contact data (editors read those in the admin).
 */
import type { Core } from '@strapi/strapi';
import { EDITOR_ROLE, SUPER_ADMIN_CODE } from '../access/role-codes';

interface EmailService {
  send(options: { to: string; from?: string; subject: string; text: string }): Promise<unknown>;
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
    if (addresses.length > 0) return addresses;
  }
  return [];
}

export async function notifyEditors(strapi: Core.Strapi, submission: { reference: string; title: string; locale: string; documentId: string }): Promise<void> {
  if (!smtpConfigured()) return;
  try {
    const to = await editorAddresses(strapi);
    if (to.length === 0) return;
    const email = strapi.plugin('email')?.service('email') as EmailService | undefined;
    if (!email) return;
    const admin = (process.env.PUBLIC_URL ?? '').replace(/\/+$/, '');
    const link = admin ? `${admin}/admin/content-manager/collection-types/plugin::good-practices.practice/${submission.documentId}?plugins[i18n][locale]=${submission.locale}` : '';
    await email.send({
      to: to.join(', '),
      subject: `New practice proposed: ${submission.title.slice(0, 120)} (${submission.reference})`,
      text: [
        `A practice was proposed through the site (${submission.locale}): “${submission.title}”.`,
        `Reference: ${submission.reference}. It is a draft with the status Submitted; nothing is published.`,
        link ? `Open it in the admin: ${link}` : 'Find it in the admin: Content Manager → Practice, filter “publicSubmission” is true.',
      ].join('\n\n'),
    });
  } catch (error) {
    // The submission stands; a mail server that fails must not make the visitor's post fail.
    strapi.log.warn(`[good-practices] could not e-mail editors about submission ${submission.reference}: ${(error as Error).message}`);
  }
}
