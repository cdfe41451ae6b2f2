/**
 * Asks the server whether saving the form's current values would be refused.
 *
 * Source: the plugin's admin route POST /good-practices/practices/check (signed-in admins who may
 * update practices; writes nothing), which runs the same rules as every save.
 */
import { getFetchClient } from '@strapi/strapi/admin';
import type { PracticeCheckProblem, PracticeCheckResponse, PracticeTranslationGaps } from '../../../contract/admin-api';
import { PLUGIN_ID } from '../pluginId';
import { checkedValues } from './checked-values';

export type { PracticeCheckProblem, PracticeTranslationGaps };

export interface PracticeCheckRequest {
  documentId?: string;
  locale?: string;
  values: Record<string, unknown>;
}

export interface PracticeCheckResult {
  problems: PracticeCheckProblem[];
  /** What the translation lacks of the default locale's version (null in the default locale). */
  translation: PracticeTranslationGaps | null;
}

export async function checkPractice(request: PracticeCheckRequest, signal?: AbortSignal): Promise<PracticeCheckResult> {
  const { post } = getFetchClient();
  const { data } = await post<PracticeCheckResponse>(
    `/${PLUGIN_ID}/practices/check`,
    { documentId: request.documentId, locale: request.locale, data: checkedValues(request.values) },
    { signal },
  );
  return { problems: data.data.problems, translation: data.data.translation ?? null };
}
