import { Field, MultiSelect, MultiSelectOption, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useText, type Translate } from '../translations/messages';
import type { ToolChoice, ToolsState } from './useTools';

interface ToolPickerProps {
  questionKey: string;
  selected: readonly string[];
  tools: ToolsState;
  /** Tools belong to an answer: without one there is nothing to cite them in. */
  hasAnswer: boolean;
  disabled: boolean;
  onToolsChange: (questionKey: string, tools: string[]) => void;
}

/** "English" for `en`, in the admin user's interface language (the code itself if unknown). */
function languageName(code: string, interfaceLocale: string): string {
  try {
    return new Intl.DisplayNames([interfaceLocale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function choiceLabel(text: Translate, tool: ToolChoice, interfaceLocale: string): string {
  if (tool.shownInLocale !== null) {
    return text('answers.tools.otherLocale', { name: tool.name, locale: languageName(tool.shownInLocale, interfaceLocale) });
  }
  return tool.status === 'draft' ? text('answers.tools.draft', { name: tool.name }) : tool.name;
}

/** The inspiring tools an answer cites, by name; stores their documentIds, in the order chosen. */
export function ToolPicker({ questionKey, selected, tools, hasAnswer, disabled, onToolsChange }: ToolPickerProps) {
  const text = useText();
  const { locale: interfaceLocale } = useIntl();

  if (tools.status !== 'ready') {
    const status =
      tools.status === 'loading'
        ? text('answers.tools.loading')
        : tools.status === 'forbidden'
          ? text('answers.tools.forbidden')
          : text('answers.tools.failed', { reason: tools.reason });
    return (
      <Typography tag="p" variant="pi" textColor={tools.status === 'failed' ? 'danger600' : 'neutral600'}>
        {status}
      </Typography>
    );
  }

  // Cited tools the list does not know (deleted, or not readable) stay selectable, so they are kept.
  const unknown = selected.filter((id) => !tools.tools.has(id));
  const labelOf = (id: string): string => {
    const tool = tools.tools.get(id);
    return tool ? choiceLabel(text, tool, interfaceLocale) : text('answers.tools.missing');
  };
  return (
    <Field.Root name={`tools-${questionKey}`} hint={hasAnswer ? undefined : text('answers.tools.needsAnswer')}>
      <Field.Label>{text('answers.tools.label')}</Field.Label>
      <MultiSelect
        value={[...selected]}
        onChange={(values: string[]) => onToolsChange(questionKey, values)}
        placeholder={text('answers.tools.placeholder')}
        disabled={disabled || !hasAnswer}
        // Names as text rather than the design system's tags, whose remove buttons have no accessible
        // name (@strapi/design-system 2.2.4); a tool is removed by unticking it in the list.
        customizeContent={(values) => (values ?? []).map(labelOf).join('; ')}
      >
        {[...tools.tools.values()].map((tool) => (
          <MultiSelectOption key={tool.documentId} value={tool.documentId}>
            {labelOf(tool.documentId)}
          </MultiSelectOption>
        ))}
        {unknown.map((id) => (
          <MultiSelectOption key={id} value={id}>
            {labelOf(id)}
          </MultiSelectOption>
        ))}
      </MultiSelect>
      <Field.Hint />
    </Field.Root>
  );
}
