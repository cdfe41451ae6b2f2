import { Notice } from '../components/Notice';
import { useText } from '../translations/messages';
import { isChecklistState, type OutdatedAssessmentEntry } from './assessment-value';
import { stateLabels } from './state-labels';

/** Lists the stored entries the framework no longer offers: kept as they are, never dropped. */
export function OutdatedAssessmentNotice({ entries }: { entries: readonly OutdatedAssessmentEntry[] }) {
  const text = useText();
  if (entries.length === 0) return null;
  const stateText = (value: unknown): string => (isChecklistState(value) ? text(stateLabels[value]) : text('assessment.state.invalid'));
  const list = entries
    .map((entry) =>
      entry.retiredText !== null
        ? text('assessment.outdated.retired', { text: entry.retiredText, state: stateText(entry.value) })
        : text('assessment.outdated.removed', { state: stateText(entry.value) }),
    )
    .join('; ');
  return (
    <Notice variant="warning" title={text('assessment.outdated.title')}>
      {text('assessment.outdated.body', { count: entries.length, list })}
    </Notice>
  );
}
