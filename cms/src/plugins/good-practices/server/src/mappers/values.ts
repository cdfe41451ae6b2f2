/** Conversions of stored values into the contract's scalar formats. */
export { isoDate, isoDateTime } from '../domain/dates';

/** Empty strings become null: the admin stores "" for cleared text inputs. */
export function text(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

/** A stored code kept only when it has the contract's shape (two capital letters). */
export function countryOrNull(value: string | null | undefined): string | null {
  return typeof value === 'string' && /^[A-Z]{2}$/.test(value) ? value : null;
}
