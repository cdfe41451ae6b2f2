/**
 * Validates a request's query (or path parameter) against the contract's zod schemas. Anything
 * the contract does not accept (unknown parameters such as status, populate, filters or fields,
 * malformed values, arrays where a single value is expected) is a 400 with Strapi's error
 * envelope naming the offending parameters, never a 500 and never silently ignored.
 */
import { errors } from '@strapi/utils';
import type { z } from 'zod';

function describe(issue: z.core.$ZodIssue): { path: string[]; message: string } {
  if (issue.code === 'unrecognized_keys') {
    return { path: issue.keys, message: `unknown parameter${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` };
  }
  const path = issue.path.map(String);
  return { path, message: `${path.join('.') || 'query'}: ${issue.message}` };
}

export function parseQuery<Schema extends z.ZodType>(schema: Schema, query: unknown): z.output<Schema> {
  const result = schema.safeParse(query ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map(describe);
  throw new errors.ValidationError(`Invalid query: ${problems.map((problem) => problem.message).join('; ')}.`, {
    errors: problems.map((problem) => ({ path: problem.path, message: problem.message, name: 'ValidationError' })),
  });
}
