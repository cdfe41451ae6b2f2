/**
 * How an invariant refuses a write: Strapi's ValidationError (HTTP 400 on every API), with one
 * entry per field in `details.errors` so that the admin's edit view shows each message next to
 * its field (it keys messages by `path.join('.')`).
 */
import { errors } from '@strapi/utils';

export interface FieldProblem {
  /** Attribute name as in the content-type schema. */
  field: string;
  /** Plain-language explanation an editor can act on. */
  message: string;
}

export function rejectWrite(subject: string, problems: readonly FieldProblem[]): never {
  // The admin keeps one message per field: join several problems of the same field.
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    byField.set(problem.field, [...(byField.get(problem.field) ?? []), problem.message]);
  }
  const details = {
    errors: [...byField].map(([field, messages]) => ({
      path: [field],
      message: messages.join(' '),
      name: 'ValidationError',
    })),
  };
  const message =
    problems.length === 1
      ? problems[0].message
      : `This ${subject} cannot be saved: ${problems.map((problem) => problem.message).join(' ')}`;
  throw new errors.ValidationError(message, details);
}

/** Throws when any check produced a problem; lets rule modules stay pure (they only return problems). */
export function assertNoProblems(subject: string, problems: readonly FieldProblem[]): void {
  if (problems.length > 0) rejectWrite(subject, problems);
}
