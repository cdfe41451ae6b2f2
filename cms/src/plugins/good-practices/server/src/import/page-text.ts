/**
 * The text of an import file from its bytes: strict UTF-8, so that a page saved in another
 * encoding (Latin-1, Windows-1252) or cut inside a character is refused with the line to fix,
 * instead of being imported with "�" in place of its letters. Thrown before anything is parsed
 * or written.
 */
import { decodeUtf8, InvalidUtf8Error } from '../domain/utf8';
import { ImportError } from './errors';

export function pageText(bytes: Uint8Array): string {
  try {
    return decodeUtf8(bytes);
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    const message = `${error.message}; nothing was imported.`;
    throw new ImportError(`The file is not UTF-8 text: ${message}`, [{ line: error.line, level: 'error', code: 'invalid-utf8', message }]);
  }
}
