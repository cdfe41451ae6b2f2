import { Box, Flex, Typography } from '@strapi/design-system';
import type { GroupNode } from '../framework/types';
import { answerOf, type StoredAnswers } from './answers-value';
import { QuestionAnswer } from './QuestionAnswer';
import type { ToolsState } from './useTools';

interface GroupAnswersProps {
  group: GroupNode;
  answers: StoredAnswers;
  tools: ToolsState;
  disabled: boolean;
  onBodyChange: (questionKey: string, body: string) => void;
  onToolsChange: (questionKey: string, tools: string[]) => void;
}

/** A criteria group's questions, each with its answer. */
export function GroupAnswers({ group, answers, tools, disabled, onBodyChange, onToolsChange }: GroupAnswersProps) {
  return (
    <Box background="neutral100" hasRadius padding={4}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography tag="h2" variant="delta" textColor="neutral800" dir="auto">
          {group.title}
        </Typography>
        {group.questions.map((question) => (
          <QuestionAnswer
            key={question.key}
            question={question}
            answer={answerOf(answers, question.key)}
            tools={tools}
            disabled={disabled}
            onBodyChange={onBodyChange}
            onToolsChange={onToolsChange}
          />
        ))}
      </Flex>
    </Box>
  );
}
