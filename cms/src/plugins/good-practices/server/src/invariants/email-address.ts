/**
 * An e-mail address someone can be written to: one @, a local part and a domain with a dot, no
 * spaces or angle brackets, at most 254 characters (RFC 5321's forward-path limit). Deliberately
 * not the full RFC 5322 grammar, which accepts addresses no mail system delivers to.
 */
export const MAX_EMAIL_LENGTH = 254;

export function isEmailAddress(value: string): boolean {
  return value.length <= MAX_EMAIL_LENGTH && /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/.test(value);
}
