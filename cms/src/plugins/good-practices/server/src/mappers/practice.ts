/**
 * Practice responses, assembled field by field from the selected rows and the framework of the
 * requested locale (never a spread of a stored entity).
 */
import { type AssessedGroup, type PracticeDetail, type PracticeSummary, type ToolSummary, validationStatus } from '../../../contract';
import { readAssessment, stateOf } from '../domain/assessment';
import { readAnswers } from '../domain/answers';
import { activeItemsOfQuestion, type FrameworkTree } from '../domain/framework-tree';
import { scoreFramework, scoreGroup } from '../domain/scores';
import { isHttpUrl } from '../invariants/web-address';
import { mapImage } from './media';
import type { LocalizedSlugRow, PracticeDetailRow, PracticeSummaryRow } from './public-rows';
import { mapTerms } from './taxonomy';
import { countryOrNull, isoDate, isoDateTime, text } from './values';

export function mapPracticeSummary(row: PracticeSummaryRow, tree: FrameworkTree): PracticeSummary {
  return {
    documentId: row.documentId,
    slug: row.slug,
    locale: row.locale,
    title: row.title,
    summary: text(row.summary),
    country: countryOrNull(row.country),
    projectStart: isoDate(row.projectStart),
    projectEnd: isoDate(row.projectEnd),
    validationDate: isoDate(row.validationDate),
    integrationAreas: mapTerms(row.integrationAreas),
    targetGroups: mapTerms(row.targetGroups),
    coverImage: mapImage(row.coverImage),
    scores: scoreFramework(tree, readAssessment(row.assessment)),
    updatedAt: isoDateTime(row.updatedAt) ?? new Date(0).toISOString(),
    publishedAt: isoDateTime(row.publishedAt),
  };
}

/** The framework with this practice's answers and checklist states, in framework order. */
function assessedGroups(row: PracticeDetailRow, tree: FrameworkTree, tools: ReadonlyMap<string, ToolSummary>): AssessedGroup[] {
  const assessment = readAssessment(row.assessment);
  const answers = new Map(readAnswers(row.answers).map((answer) => [answer.questionKey, answer]));
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
  tools: ReadonlyMap<string, ToolSummary>,
  locales: readonly LocalizedSlugRow[],
): PracticeDetail {
  const status = validationStatus.safeParse(row.validationStatus);
  return {
    ...mapPracticeSummary(row, tree),
    validationStatus: status.success ? status.data : null,
    contactDetails: text(row.contactDetails),
    website: row.website && isHttpUrl(row.website) ? row.website : null,
    funding: text(row.funding),
    objectives: text(row.objectives),
    inspiration: text(row.inspiration),
    groups: assessedGroups(row, tree, tools),
    locales: locales.map((version) => ({ locale: version.locale, slug: version.slug })),
  };
}
