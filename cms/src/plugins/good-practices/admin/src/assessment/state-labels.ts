import type { MessageKey } from '../translations/messages';
import type { ChecklistState } from './assessment-value';

export const stateLabels: Record<ChecklistState, MessageKey> = {
  met: 'assessment.state.met',
  'not-met': 'assessment.state.not-met',
  'not-assessed': 'assessment.state.not-assessed',
};
