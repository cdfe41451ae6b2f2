/** Thrown when the input is not the text of a SPRING good-practice page at all. */
export class NotASpringPageError extends Error {
  constructor(reason: string) {
    super(`Not a SPRING good-practice page: ${reason}`);
    this.name = 'NotASpringPageError';
  }
}
