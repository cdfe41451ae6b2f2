/**
 * Which published practices cite each tool, as a locale's visitors see them (each practice in the
 * first language of the locale's chain that has it, citing what its shown answers cite, fallback
 * answers included), kept for the content generation
 * (generation-cache.ts). Citations live in the practices' JSON answers; reading every
 * answer of the locale on each tool request was the tool page's whole cost (bench/reports/
 * full-2000x5.md, analysis item 3). Now it is read once per locale and generation, and only the
 * slugs and titles are kept.
 */
import type { Core } from '@strapi/strapi';
import { mergeTexts } from '../domain/text-fallback';
import { uids } from '../plugin-id';
import { cachedForGeneration } from './generation-cache';
import type { LocaleContext } from '../services/locale-service';
import { versionsInChainOrder } from './practice-list-index';
import { publishedDocuments } from './published-documents';

export interface CitingPractice {
  slug: string;
  title: string;
  /** The language the practice is shown in. */
  locale: string;
}

interface CitingPracticeRow {
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  answers: unknown;
}

/** tool documentId -> citing practices, by title in the locale's collation. */
export type CitationIndex = ReadonlyMap<string, readonly CitingPractice[]>;

async function buildCitations(strapi: Core.Strapi, { locale, chain }: LocaleContext): Promise<CitationIndex> {
  const rows = await publishedDocuments(strapi, uids.practice).findMany<CitingPracticeRow>({ locale: chain, fields: ['locale', 'slug', 'title', 'answers'] });
  const byTool = new Map<string, CitingPractice[]>();
  for (const versions of versionsInChainOrder(rows, chain)) {
    const shown = versions[0]!;
    const practice = { slug: shown.slug, title: shown.title, locale: shown.locale };
    for (const toolId of new Set([...mergeTexts(versions).answers.values()].flatMap((answer) => answer.tools))) {
      const list = byTool.get(toolId) ?? [];
      list.push(practice);
      byTool.set(toolId, list);
    }
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  for (const list of byTool.values()) list.sort((a, b) => collator.compare(a.title, b.title));
  return byTool;
}

export function toolCitations(strapi: Core.Strapi, context: LocaleContext): Promise<CitationIndex> {
  return cachedForGeneration(strapi, `tool-citations:${context.locale}`, () => buildCitations(strapi, context));
}
