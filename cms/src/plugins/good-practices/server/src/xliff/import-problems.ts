/**
 * Everything wrong with an XLIFF file, collected before anything is written and reported at once
 * as one Strapi ValidationError (HTTP 400): `details.errors[]` has one entry per problem, its
 * `path` the unit id (or `file` for the document as a whole), so that a translator can fix every
 * unit in one go.
 */
import { errors } from '@strapi/utils';

export interface ImportProblem {
  /** Unit id, or 'file'. */
  unit: string;
  message: string;
}

export class ImportProblems {
  readonly #problems: ImportProblem[] = [];

  add(unit: string, message: string): void {
    this.#problems.push({ unit, message });
  }

  get count(): number {
    return this.#problems.length;
  }

  /** Throws when any problem was found; the first message leads, the rest are in the details. */
  throwIfAny(): void {
    if (this.#problems.length === 0) return;
    const problems = this.#problems;
    const summary =
      problems.length === 1
        ? `The XLIFF file cannot be imported: ${problems[0].message}`
        : `The XLIFF file cannot be imported (${problems.length} problems, nothing was written). First: ${problems[0].message}`;
    throw new errors.ValidationError(summary, {
      errors: problems.map((problem) => ({ path: [problem.unit], message: problem.message, name: 'ValidationError' })),
    });
  }
}

/** A problem of the file as a whole: thrown at once, nothing further can be checked. */
export function fileProblem(message: string): never {
  const problems = new ImportProblems();
  problems.add('file', message);
  problems.throwIfAny();
  throw new Error('unreachable');
}
