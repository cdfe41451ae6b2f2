/**
 * Practice responses, assembled field by field from the selected rows and the framework of the
 * requested locale (never a spread of a stored entity).
 */
import { type AssessedGroup, type PracticeDetail, type PracticeSummary, type ToolSummary, validationStatus } from '../../../contract';
import { readAssessment, stateOf, storedAssessment } from '../domain/assessment';
import { type MergedTexts, mergeTexts } from '../domain/text-fallback';
import { activeItemsOfQuestion, type FrameworkTree } from '../domain/framework-tree';
import { scoreFramework, scoreGroup } from '../domain/scores';
import { isHttpUrl } from '../invariants/web-address';
import { mapImage } from './media';
import type { LocalizedSlugRow, PracticeDetailRow, PracticeSummaryRow } from './public-rows';
import type { TermNames } from '../read-model/term-names';
import { countryOrNull, isoDate, isoDateTime, text } from './values';

/** The summary shown for a version whose own is missing, and its language (list fallback). */
export interface SummaryFallback {
  summary: string | null;
  locale?: string;
}

/** `terms` names the practice's terms as the requested locale's visitors read them. */
export function mapPracticeSummary(row: PracticeSummaryRow, tree: FrameworkTree, terms: TermNames, fallback?: SummaryFallback): PracticeSummary {
  const summaryLocale = fallback ? fallback.locale : undefined;
  return {
    documentId: row.documentId,
    slug: row.slug,
    locale: row.locale,
    title: row.title,
    summary: fallback ? fallback.summary : text(row.summary),
    country: countryOrNull(row.country),
    projectStart: isoDate(row.projectStart),
    projectEnd: isoDate(row.projectEnd),
    validationDate: isoDate(row.validationDate),
    integrationAreas: terms.names('integrationAreas', row.integrationAreas),
    targetGroups: terms.names('targetGroups', row.targetGroups),
    coverImage: mapImage(row.coverImage),
    featured: row.featured === true,
    // The list index's rows are kept between generations: their assessments are read once.
    scores: scoreFramework(tree, storedAssessment(row.assessment)),
    updatedAt: isoDateTime(row.updatedAt) ?? new Date(0).toISOString(),
    publishedAt: isoDateTime(row.publishedAt),
    fieldLocales: summaryLocale && summaryLocale !== row.locale ? { summary: summaryLocale } : {},
  };
}

/** The framework with this practice's answers and checklist states, in framework order. */
function assessedGroups(row: PracticeDetailRow, tree: FrameworkTree, tools: ReadonlyMap<string, ToolSummary>, answers: MergedTexts['answers']): AssessedGroup[] {
  const assessment = readAssessment(row.assessment);
  return tree.map((group) => ({
    key: group.key,
    order: group.order,
    title: group.title,
    description: group.description,
    score: scoreGroup(group, assessment),
    questions: group.questions.map((question) => {
      const answer = answers.get(question.key);
      return {
        key: question.key,
        order: question.order,
        text: question.text,
        answer: answer
          ? {
              body: answer.body,
              locale: answer.locale,
              // Tools not published (in this locale or the default one) are left out.
              tools: answer.tools.map((id) => tools.get(id)).filter((tool): tool is ToolSummary => tool !== undefined),
            }
          : null,
        items: activeItemsOfQuestion(question).map((item) => ({
          key: item.key,
          order: item.order,
          text: item.text,
          state: stateOf(assessment, item.key),
        })),
      };
    }),
  }));
}

export function mapPracticeDetail(
  row: PracticeDetailRow,
  tree: FrameworkTree,
  terms: TermNames,
  tools: ReadonlyMap<string, ToolSummary>,
  locales: readonly LocalizedSlugRow[],
  /** The row's texts merged with the other languages of the chain (domain/text-fallback.ts); none = the row's own. */
  merged: MergedTexts = mergeTexts([row]),
): PracticeDetail {
  const status = validationStatus.safeParse(row.validationStatus);
  return {
    ...mapPracticeSummary(row, tree, terms),
    summary: merged.texts.summary,
    validationStatus: status.success ? status.data : null,
    organisation: merged.texts.organisation,
    contactDetails: merged.texts.contactDetails,
    website: row.website && isHttpUrl(row.website) ? row.website : null,
    funding: merged.texts.funding,
    objectives: merged.texts.objectives,
    inspiration: merged.texts.inspiration,
    fieldLocales: merged.fieldLocales,
    groups: assessedGroups(row, tree, tools, merged.answers),
    locales: locales.map((version) => ({ locale: version.locale, slug: version.slug })),
  };
}
