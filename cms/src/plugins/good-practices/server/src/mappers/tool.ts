import { toolKind, type ToolDetail, type ToolKind, type ToolSummary } from '../../../contract';
import { isHttpUrl } from '../invariants/web-address';
import type { LocalizedSlugRow, ToolDetailRow, ToolRow } from './public-rows';
import { text } from './values';

function kindOf(value: string | null): ToolKind {
  const parsed = toolKind.safeParse(value);
  return parsed.success ? parsed.data : 'other';
}

export function mapToolSummary(row: ToolRow): ToolSummary {
  return {
    documentId: row.documentId,
    slug: row.slug,
    locale: row.locale,
    name: row.name,
    kind: kindOf(row.kind),
    url: row.url && isHttpUrl(row.url) ? row.url : null,
    fileUrl: row.file?.url ?? null,
  };
}

export function mapToolDetail(
  row: ToolDetailRow,
  practices: readonly { slug: string; title: string; locale: string }[],
  locales: readonly LocalizedSlugRow[],
): ToolDetail {
  return {
    ...mapToolSummary(row),
    description: text(row.description),
    practices: practices.map((practice) => ({ slug: practice.slug, title: practice.title, locale: practice.locale })),
    locales: locales.map((version) => ({ locale: version.locale, slug: version.slug })),
  };
}
