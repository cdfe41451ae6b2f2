/**
 * Response shapes are the contract's: a response must parse, and parsing must not drop anything
 * (zod strips unknown keys, so a leaked private field would make the two differ).
 */
import { expect } from 'vitest';
import type { z } from 'zod';

export function expectContract<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`response does not match the contract: ${parsed.error.message}\n${JSON.stringify(body).slice(0, 2000)}`);
  expect(parsed.data).toEqual(body);
  const serialized = JSON.stringify(body);
  expect(serialized).not.toMatch(/"(createdBy|updatedBy|password|id)":/);
  return parsed.data;
}
