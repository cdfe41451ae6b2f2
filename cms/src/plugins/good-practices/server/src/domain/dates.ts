/** Dates as stored (strings or Date objects, depending on the database driver) and as served. */

/** YYYY-MM-DD, or null. */
export function isoDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return null;
}

/** Full ISO 8601 timestamp, or null. */
export function isoDateTime(value: unknown): string | null {
  if (!(value instanceof Date) && typeof value !== 'string') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Today's date (UTC), as a date field stores it. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
