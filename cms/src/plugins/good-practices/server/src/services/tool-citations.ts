/**
 * Which published practices of a locale cite each tool, kept for the content generation
 * (read-cache/generation-cache.ts). Citations live in the practices' JSON answers; reading every
 * answer of the locale on each tool request was the tool page's whole cost (bench/reports/
 * full-2000x5.md, analysis item 3). Now it is read once per locale and generation, and only the
 * slugs and titles are kept.
 */
import type { Core } from '@strapi/strapi';
import { readAnswers } from '../domain/answers';
import { uids } from '../plugin-id';
import { cachedForGeneration } from '../read-cache/generation-cache';
import { publishedDocuments } from './published-documents';

export interface CitingPractice {
  slug: string;
  title: string;
}

interface CitingPracticeRow extends CitingPractice {
  answers: unknown;
}

/** tool documentId -> citing practices, by title in the locale's collation. */
export type CitationIndex = ReadonlyMap<string, readonly CitingPractice[]>;

async function buildCitations(strapi: Core.Strapi, locale: string): Promise<CitationIndex> {
  const rows = await publishedDocuments(strapi, uids.practice).findMany<CitingPracticeRow>({ locale, fields: ['slug', 'title', 'answers'] });
  const byTool = new Map<string, CitingPractice[]>();
  for (const row of rows) {
    const practice = { slug: row.slug, title: row.title };
    for (const toolId of new Set(readAnswers(row.answers).flatMap((answer) => answer.tools))) {
      const list = byTool.get(toolId) ?? [];
      list.push(practice);
      byTool.set(toolId, list);
    }
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  for (const list of byTool.values()) list.sort((a, b) => collator.compare(a.title, b.title));
  return byTool;
}

export function toolCitations(strapi: Core.Strapi, locale: string): Promise<CitationIndex> {
  return cachedForGeneration(strapi, `tool-citations:${locale}`, () => buildCitations(strapi, locale));
}
