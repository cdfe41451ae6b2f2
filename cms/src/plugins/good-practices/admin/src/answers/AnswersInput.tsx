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
import { answerOf, outdatedAnswers, readAnswers, withBody, withTools } from './answers-value';
import { GroupAnswers } from './GroupAnswers';
import { OutdatedAnswersNotice } from './OutdatedAnswersNotice';
import { useTools } from './useTools';

/**
 * Input of the `plugin::good-practices.answers` custom field (localized): for each question of the
 * criteria framework, grouped as in the framework, a Markdown answer and the inspiring tools it
 * cites, chosen by name. Emptying an answer removes it; answers to questions no longer in the
 * framework are kept as they are and listed.
 */
export default function AnswersInput({ name, label, hint, required, disabled = false, labelAction, error: propsError }: CustomFieldInputProps) {
  const text = useText();
  const field = useField<unknown>(name);
  const locale = useEditedLocale();
  const framework = useFramework(locale);
  const ready = framework.status === 'ready' ? framework.framework : null;
  const tools = useTools(ready?.locale ?? null, ready?.defaultLocale ?? null);
  const answers = React.useMemo(() => readAnswers(field.value), [field.value]);

  // Emptying an answer removes it with its tools; they come back if the editor writes again
  // (e.g. after selecting all the text to retype it). Per locale: answers are localized.
  const toolsOfEmptied = React.useRef(new Map<string, string[]>());
  const latest = React.useRef({ answers, onChange: field.onChange, locale });
  latest.current = { answers, onChange: field.onChange, locale };

  const setBody = React.useCallback(
    (questionKey: string, body: string) => {
      const { answers: current, onChange, locale: currentLocale } = latest.current;
      const memoryKey = `${currentLocale ?? ''}|${questionKey}`;
      const before = answerOf(current, questionKey);
      if (before !== null && body.trim() === '') toolsOfEmptied.current.set(memoryKey, before.tools);
      onChange(name, withBody(current, questionKey, body, toolsOfEmptied.current.get(memoryKey) ?? []));
    },
    [name],
  );
  const setTools = React.useCallback(
    (questionKey: string, cited: string[]) => latest.current.onChange(name, withTools(latest.current.answers, questionKey, cited)),
    [name],
  );

  const rawError = field.error ?? propsError;
  const error = rawError && ready ? nameKeysIn(rawError, textsByKey(ready)) : rawError;

  return (
    <FieldFrame label={label} labelAction={labelAction} required={required} hints={[hint, text('answers.hint.language')].filter(Boolean)} error={error}>
      {framework.status !== 'ready' ? (
        <FrameworkStatus state={framework} />
      ) : (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <OutdatedAnswersNotice answers={outdatedAnswers(answers, framework.framework)} />
          {framework.framework.groups.length === 0 ? <FrameworkStatus state={{ status: 'empty' }} /> : null}
          {framework.framework.groups.map((group) => (
            <GroupAnswers key={group.key} group={group} answers={answers} tools={tools} disabled={disabled} onBodyChange={setBody} onToolsChange={setTools} />
          ))}
        </Flex>
      )}
    </FieldFrame>
  );
}
