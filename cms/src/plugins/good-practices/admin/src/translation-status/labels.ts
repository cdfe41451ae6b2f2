import type { TranslationAreaName, TranslationEntryKind } from '../../../contract/admin-api';
import type { MessageKey } from '../translations/messages';
import type { EntryProblem, StatusFilter } from './status-rows';

export const areaLabels: Record<TranslationAreaName, MessageKey> = {
  practices: 'translation.area.practices',
  tools: 'translation.area.tools',
  framework: 'translation.area.framework',
  taxonomies: 'translation.area.taxonomies',
  site: 'translation.area.site',
};

export const kindLabels: Record<TranslationEntryKind, MessageKey> = {
  practice: 'translation.kind.practice',
  tool: 'translation.kind.tool',
  group: 'translation.kind.group',
  question: 'translation.kind.question',
  item: 'translation.kind.item',
  'integration-area': 'translation.kind.integration-area',
  'target-group': 'translation.kind.target-group',
  site: 'translation.kind.site',
};

export const problemLabels: Record<EntryProblem, MessageKey> = {
  missing: 'translation.problem.missing',
  outdated: 'translation.problem.outdated',
  incomplete: 'translation.problem.incomplete',
};

export const filterLabels: Record<StatusFilter, MessageKey> = {
  all: 'translation.filter.all',
  missing: 'translation.filter.missing',
  outdated: 'translation.filter.outdated',
  incomplete: 'translation.filter.incomplete',
};
