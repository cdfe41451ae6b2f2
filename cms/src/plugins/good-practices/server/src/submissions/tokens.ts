/**
 * A submission's reference (quoted to editors, shown to the visitor) and its private status
 * token. Only the token's SHA-256 is stored: whoever reads the database cannot open status pages.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Without 0/O and 1/I, which readers confuse when they quote a reference. */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newReference(): string {
  const part = () => Array.from({ length: 4 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
  return `GP-${part()}-${part()}`;
}

export function newStatusToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashStatusToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
