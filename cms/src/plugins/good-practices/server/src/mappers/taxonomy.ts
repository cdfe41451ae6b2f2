import type { TaxonomyTerm } from '../../../contract';
import type { TermRow } from './public-rows';

export function mapTerm(row: TermRow): TaxonomyTerm {
  return { key: row.key, name: row.name || row.key };
}

export function mapTerms(rows: readonly TermRow[] | null | undefined): TaxonomyTerm[] {
  return (rows ?? []).filter((row) => Boolean(row.key)).map(mapTerm);
}
