/** Assertions on Strapi's ValidationError as the invariants throw it. */
import { expect } from 'vitest';

export interface FieldError {
  path: string[];
  message: string;
}

interface ValidationErrorLike {
  name: string;
  message: string;
  details?: { errors?: FieldError[] };
}

/** Runs a write that must be refused; returns the field errors it carried. */
export async function expectRejected(write: () => Promise<unknown>): Promise<{ message: string; errors: FieldError[] }> {
  let caught: unknown;
  try {
    await write();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the write should have been rejected').toBeInstanceOf(Error);
  const error = caught as ValidationErrorLike;
  expect(error.name).toBe('ValidationError');
  return { message: error.message, errors: error.details?.errors ?? [] };
}

export function fieldsOf(errors: readonly FieldError[]): string[] {
  return errors.map((error) => error.path.join('.'));
}
