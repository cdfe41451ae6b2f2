/**
 * Strapi's email plugin, configured for SMTP (@strapi/provider-email-nodemailer) only when
 * SMTP_HOST is set. Without it the plugin keeps Strapi's default (sendmail) but nothing of ours
 * sends mail: the good-practices plugin e-mails editors about new proposals only when SMTP_HOST
 * is set (server/src/submissions/notify-editors.ts).
 *
 *   SMTP_HOST     the mail server; unset or empty: no SMTP
 *   SMTP_PORT     default 465 with SMTP_SECURE, else 587
 *   SMTP_SECURE   "true": TLS from the first byte (port 465); else STARTTLS when the server offers it
 *   SMTP_USER, SMTP_PASS   login, when the server needs one (both or neither)
 *   EMAIL_FROM    the sender address; default SMTP_USER when it is an address, else no-reply@SMTP_HOST
 *
 * A malformed value stops the CMS with a message naming the variable, rather than failing at the
 * first mail.
 */
export interface SmtpEmailConfig {
  provider: 'nodemailer';
  providerOptions: {
    host: string;
    port: number;
    secure: boolean;
    auth?: { user: string; pass: string };
    /** Give up on a mail server that does not answer, instead of holding a connection for minutes. */
    connectionTimeout: number;
    greetingTimeout: number;
    socketTimeout: number;
  };
  settings: { defaultFrom: string; defaultReplyTo: string };
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

function flag(name: string, value: string | undefined): boolean {
  const setting = value?.trim().toLowerCase() ?? '';
  if (setting === '' || setting === 'false' || setting === '0') return false;
  if (setting === 'true' || setting === '1') return true;
  throw new Error(`${name} must be "true" or "false", not ${JSON.stringify(value)}.`);
}

export function smtpEmailConfig(env: NodeJS.ProcessEnv): SmtpEmailConfig | undefined {
  const host = env.SMTP_HOST?.trim() ?? '';
  if (host === '') return undefined;
  const secure = flag('SMTP_SECURE', env.SMTP_SECURE);
  const rawPort = env.SMTP_PORT?.trim() ?? '';
  if (rawPort !== '' && (!/^\d+$/.test(rawPort) || Number(rawPort) < 1 || Number(rawPort) > 65535)) {
    throw new Error(`SMTP_PORT must be a port number (1–65535), not ${JSON.stringify(env.SMTP_PORT)}.`);
  }
  const port = rawPort === '' ? (secure ? 465 : 587) : Number(rawPort);
  const user = env.SMTP_USER?.trim() ?? '';
  const pass = env.SMTP_PASS ?? '';
  if ((user === '') !== (pass === '')) throw new Error('SMTP_USER and SMTP_PASS go together: set both or neither.');
  const from = env.EMAIL_FROM?.trim() || (ADDRESS.test(user) ? user : `no-reply@${host}`);
  if (!ADDRESS.test(from.replace(/^.*<(.*)>\s*$/, '$1'))) throw new Error(`EMAIL_FROM must be an e-mail address, not ${JSON.stringify(from)}.`);
  return {
    provider: 'nodemailer',
    providerOptions: {
      host,
      port,
      secure,
      ...(user ? { auth: { user, pass } } : {}),
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    },
    settings: { defaultFrom: from, defaultReplyTo: from },
  };
}
