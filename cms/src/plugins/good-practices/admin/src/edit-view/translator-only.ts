/**
 * Whether the signed-in admin is a translator and nothing more: the same rule as the server's
 * translator guard (server/src/access/translator-guard.ts), which refuses translators' changes
 * to shared facts such as the validation status; the edit view only hides what they cannot do.
 */
import { TRANSLATOR_ROLE, UNRESTRICTED_ROLE_CODES } from '../../../contract/role-codes';

export function isTranslatorOnly(roleCodes: readonly string[]): boolean {
  return roleCodes.includes(TRANSLATOR_ROLE.code) && !roleCodes.some((code) => UNRESTRICTED_ROLE_CODES.includes(code));
}
