import { Box, Flex, Typography } from '@strapi/design-system';
import { activeItems, type GroupNode } from '../framework/types';
import { ChecklistItemControl } from './ChecklistItemControl';
import { GroupSummary } from './GroupSummary';
import { stateOf, summariseGroup, type ChecklistState, type StoredAssessment } from './assessment-value';

interface GroupAssessmentProps {
  group: GroupNode;
  assessment: StoredAssessment;
  disabled: boolean;
  onStateChange: (itemKey: string, state: ChecklistState) => void;
}

/** A criteria group as it is read: its title and summary, then each question with its checklist. */
export function GroupAssessment({ group, assessment, disabled, onStateChange }: GroupAssessmentProps) {
  // A question whose items were all retired or removed has nothing left to assess (it is still answered).
  const assessable = group.questions.map((question) => ({ question, items: activeItems(question) })).filter(({ items }) => items.length > 0);
  return (
    <Box background="neutral100" hasRadius padding={4}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="baseline" gap={4} wrap="wrap">
          <Typography tag="h2" variant="delta" textColor="neutral800" dir="auto">
            {group.title}
          </Typography>
          <GroupSummary counts={summariseGroup(group, assessment)} />
        </Flex>
        {assessable.map(({ question, items }) => (
          <Flex key={question.key} direction="column" alignItems="stretch" gap={2}>
            <Typography tag="h3" variant="omega" fontWeight="semiBold" textColor="neutral800" dir="auto">
              {question.text}
            </Typography>
            <Box background="neutral0" hasRadius>
              {items.map((item) => (
                <ChecklistItemControl
                  key={item.key}
                  itemKey={item.key}
                  text={item.text}
                  state={stateOf(assessment, item.key)}
                  disabled={disabled}
                  onStateChange={onStateChange}
                />
              ))}
            </Box>
          </Flex>
        ))}
      </Flex>
    </Box>
  );
}
