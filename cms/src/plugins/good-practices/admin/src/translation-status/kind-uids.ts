/** The content type of each kind of entry the translation routes name (unit ids, import results). */
import type { TranslationEntryKind } from '../../../contract/admin-api';
import { uids } from '../../../contract/plugin-id';

const kindUids: Record<TranslationEntryKind, string> = {
  practice: uids.practice,
  tool: uids.tool,
  group: uids.criteriaGroup,
  question: uids.question,
  item: uids.checklistItem,
  'integration-area': uids.integrationArea,
  'target-group': uids.targetGroup,
  site: uids.site,
};

export function typeUidOfKind(kind: string): string | undefined {
  return Object.hasOwn(kindUids, kind) ? kindUids[kind as TranslationEntryKind] : undefined;
}
