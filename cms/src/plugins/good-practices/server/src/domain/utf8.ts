/**
 * Strict UTF-8 decoding of uploaded and imported files. Node's `toString('utf8')` and
 * `readFileSync(…, 'utf8')` replace an invalid byte with U+FFFD without a word, so a file saved
 * in Latin-1 or cut in the middle of a character would be stored with "�" in place of its
 * letters. Here such a file is refused, naming the first line that is not UTF-8.
 */

export class InvalidUtf8Error extends Error {
  /** 1-based line of the first byte sequence that is not UTF-8. */
  readonly line: number;

  constructor(line: number) {
    super(`line ${line} is not valid UTF-8 (save the file as UTF-8)`);
    this.name = 'InvalidUtf8Error';
    this.line = line;
  }
}

/**
 * The first line holding invalid UTF-8, or undefined when the whole text is valid. Lines are
 * decoded one by one: a newline byte (0x0A) never occurs inside a multi-byte UTF-8 sequence, so a
 * valid file decodes line by line exactly as it does whole.
 */
export function invalidUtf8Line(bytes: Uint8Array): number | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    const newline = bytes.indexOf(10, start);
    const end = newline === -1 ? bytes.length : newline;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    if (newline === -1) break;
    line += 1;
    start = end + 1;
  }
  return undefined;
}

/** The text of UTF-8 bytes (a leading byte-order mark dropped); throws InvalidUtf8Error. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InvalidUtf8Error(invalidUtf8Line(bytes) ?? 1);
  }
}
