import { Field, Flex, Textarea } from '@strapi/design-system';
import { styled } from 'styled-components';
import type { QuestionNode } from '../framework/types';
import { useText } from '../translations/messages';
import type { Answer } from './answers-value';
import { ToolPicker } from './ToolPicker';
import type { ToolsState } from './useTools';

interface QuestionAnswerProps {
  question: QuestionNode;
  answer: Answer | null;
  tools: ToolsState;
  disabled: boolean;
  onBodyChange: (questionKey: string, body: string) => void;
  onToolsChange: (questionKey: string, tools: string[]) => void;
}

/** One question of the framework: its text labels a Markdown answer, then the tools it cites. */
export function QuestionAnswer({ question, answer, tools, disabled, onBodyChange, onToolsChange }: QuestionAnswerProps) {
  const text = useText();
  return (
    <Flex direction="column" alignItems="stretch" gap={3} background="neutral0" hasRadius padding={4}>
      <Field.Root name={`answer-${question.key}`} hint={text('answers.answer.hint')}>
        <QuestionLabel dir="auto">{question.text}</QuestionLabel>
        <Textarea value={answer?.body ?? ''} onChange={(event) => onBodyChange(question.key, event.target.value)} disabled={disabled} dir="auto" />
        <Field.Hint />
      </Field.Root>
      <ToolPicker
        questionKey={question.key}
        selected={answer?.tools ?? []}
        tools={tools}
        hasAnswer={answer !== null}
        disabled={disabled}
        onToolsChange={onToolsChange}
      />
    </Flex>
  );
}

/** The question is the label: shown whole (a design-system label cuts long text with an ellipsis). */
const QuestionLabel = styled(Field.Label)`
  && {
    white-space: normal;
    overflow: visible;
    text-overflow: clip;
    font-size: ${({ theme }) => theme.fontSizes[2]};
  }
`;
