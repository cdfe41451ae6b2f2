import { useField } from '@strapi/strapi/admin';
import { Flex } from '@strapi/design-system';
import * as React from 'react';
import { FieldFrame } from '../components/FieldFrame';
import { FrameworkStatus } from '../components/FrameworkStatus';
import type { CustomFieldInputProps } from '../components/custom-field-props';
import { nameKeysIn } from '../framework/name-keys';
import { textsByKey } from '../framework/types';
import { useFramework } from '../framework/useFramework';
import { useEditedLocale } from '../locale/useEditedLocale';
import { useText } from '../translations/messages';
import { GroupAssessment } from './GroupAssessment';
import { OutdatedAssessmentNotice } from './OutdatedAssessmentNotice';
import { outdatedEntries, readAssessment, withState, type ChecklistState } from './assessment-value';

/**
 * Input of the `plugin::good-practices.assessment` custom field: the criteria framework, group by
 * group and question by question, with a Met / Not met / Not assessed choice per checklist item,
 * in the texts of the locale being edited. Editors never see keys or JSON.
 */
export default function AssessmentInput({ name, label, hint, required, disabled = false, labelAction, error: propsError }: CustomFieldInputProps) {
  const text = useText();
  const field = useField<unknown>(name);
  const framework = useFramework(useEditedLocale());
  const assessment = React.useMemo(() => readAssessment(field.value), [field.value]);

  // One stable callback for the 40-odd item controls, reading the latest value when called.
  const latest = React.useRef({ assessment, onChange: field.onChange });
  latest.current = { assessment, onChange: field.onChange };
  const setState = React.useCallback(
    (itemKey: string, state: ChecklistState) => latest.current.onChange(name, withState(latest.current.assessment, itemKey, state)),
    [name],
  );

  const rawError = field.error ?? propsError;
  const error = rawError && framework.status === 'ready' ? nameKeysIn(rawError, textsByKey(framework.framework)) : rawError;

  return (
    <FieldFrame label={label} labelAction={labelAction} required={required} hints={[hint, text('assessment.hint.shared')].filter(Boolean)} error={error}>
      {framework.status !== 'ready' ? (
        <FrameworkStatus state={framework} />
      ) : (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <OutdatedAssessmentNotice entries={outdatedEntries(assessment, framework.framework)} />
          {framework.framework.groups.length === 0 ? <FrameworkStatus state={{ status: 'empty' }} /> : null}
          {framework.framework.groups.map((group) => (
            <GroupAssessment key={group.key} group={group} assessment={assessment} disabled={disabled} onStateChange={setState} />
          ))}
        </Flex>
      )}
    </FieldFrame>
  );
}
