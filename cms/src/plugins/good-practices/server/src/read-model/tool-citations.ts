/**
 * Which published practices cite each tool, as a locale's visitors see them (each practice in the
 * first language of the locale's chain that has it, citing what its shown answers cite, fallback
 * answers included), kept for the content generation
 * (generation-cache.ts). Citations live in the practices' JSON answers; reading every answer
 * of the locale on each tool request would be the tool page's whole cost
 * (bench/reports/before-fixes/full-2000x5.md, analysis item 3), so they are read once per locale
 * and generation, and only the slugs, titles and cited tool ids are kept.
 *
 * After a write of this process, the next tool request reads again only the practices the write
 * concerned (change-journal.ts) and keeps the others' citations: reading every answer of every
 * version again for each locale was most of the CMS's work in a static build after one publish
 * (about 1 s per locale at 2,000 practices × 5 locales, bench/reports/full-2000x5-incremental.md).
 * The locale's fallback chain is part of the key: a new locale or default reads everything again.
 */
import type { Core } from '@strapi/strapi';
import { mergeTexts, type TextVersion } from '../domain/text-fallback';
import { uids } from '../plugin-id';
import { cachedPerPractice } from './generation-cache';
import type { LocaleContext } from '../services/locale-service';
import { versionsInChainOrder } from './practice-list-index';
import { publishedDocuments } from './published-documents';

export interface CitingPractice {
  slug: string;
  title: string;
  /** The language the practice is shown in. */
  locale: string;
}

interface CitingPracticeRow extends TextVersion {
  documentId: string;
  locale: string;
  slug: string;
  title: string;
}

/** tool documentId -> citing practices, by title in the locale's collation. */
export type CitationIndex = ReadonlyMap<string, readonly CitingPractice[]>;

/** A practice as the locale shows it, with the tools its shown answers cite. */
interface Citing {
  practice: CitingPractice;
  tools: readonly string[];
}

interface Citations {
  /** documentId -> the practice and what it cites (practices citing nothing are kept too: cheap, and a later write may add a citation). */
  practices: ReadonlyMap<string, Citing>;
  byTool: CitationIndex;
}

/** Beyond this many practices changed since the citations were read, reading them all again is as cheap. */
export const INCREMENTAL_CITATIONS_LIMIT = 200;

/** The published versions of the practices (all, or `documentIds`) in the chain's locales, as each cites tools. */
async function readCiting(strapi: Core.Strapi, chain: readonly string[], documentIds?: readonly string[]): Promise<Map<string, Citing>> {
  const rows = await publishedDocuments(strapi, uids.practice).findMany<CitingPracticeRow>({
    locale: [...chain],
    fields: ['locale', 'slug', 'title', 'answers'],
    ...(documentIds ? { filters: { documentId: { $in: [...documentIds] } } } : {}),
  });
  const out = new Map<string, Citing>();
  for (const versions of versionsInChainOrder(rows, chain)) {
    const shown = versions[0]!;
    const tools = new Set([...mergeTexts(versions).answers.values()].flatMap((answer) => answer.tools));
    out.set(shown.documentId, { practice: { slug: shown.slug, title: shown.title, locale: shown.locale }, tools: [...tools] });
  }
  return out;
}

/** Title, then slug and language: the same order however the practices were read (in full or after a write). */
function citingOrder(locale: string): (a: CitingPractice, b: CitingPractice) => number {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return (a, b) => collator.compare(a.title, b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0) || (a.locale < b.locale ? -1 : a.locale > b.locale ? 1 : 0);
}

/** The citing practices of each tool of `only` (every tool cited when absent), sorted. */
function indexByTool(practices: ReadonlyMap<string, Citing>, locale: string, only?: ReadonlySet<string>): Map<string, CitingPractice[]> {
  const byTool = new Map<string, CitingPractice[]>();
  for (const { practice, tools } of practices.values()) {
    for (const toolId of tools) {
      if (only && !only.has(toolId)) continue;
      const list = byTool.get(toolId);
      if (list) list.push(practice);
      else byTool.set(toolId, [practice]);
    }
  }
  const order = citingOrder(locale);
  for (const list of byTool.values()) list.sort(order);
  return byTool;
}

export async function toolCitations(strapi: Core.Strapi, { locale, chain }: LocaleContext): Promise<CitationIndex> {
  const citations = await cachedPerPractice<Citations>(
    strapi,
    `tool-citations:${locale}:${chain.join(',')}`,
    INCREMENTAL_CITATIONS_LIMIT,
    async () => {
      const practices = await readCiting(strapi, chain);
      return { practices, byTool: indexByTool(practices, locale) };
    },
    async (earlier, changed) => {
      const practices = new Map(earlier.practices);
      // The tools the written practices cited before or cite now: only their lists are made again.
      const affected = new Set<string>();
      for (const documentId of changed) {
        for (const toolId of practices.get(documentId)?.tools ?? []) affected.add(toolId);
        practices.delete(documentId);
      }
      // A practice unpublished or deleted has no row left: it is simply gone.
      for (const [documentId, citing] of await readCiting(strapi, chain, [...changed])) {
        practices.set(documentId, citing);
        for (const toolId of citing.tools) affected.add(toolId);
      }
      const byTool = new Map(earlier.byTool);
      for (const toolId of affected) byTool.delete(toolId);
      for (const [toolId, list] of indexByTool(practices, locale, affected)) byTool.set(toolId, list);
      return { practices, byTool };
    },
  );
  return citations.byTool;
}
