import { Badge, Flex, Typography } from '@strapi/design-system';
import { useText } from '../translations/messages';
import type { GroupSummaryCounts } from './assessment-value';

/** "3 of 9 met", then how many are not met and not assessed. */
export function GroupSummary({ counts }: { counts: GroupSummaryCounts }) {
  const text = useText();
  const allMet = counts.total > 0 && counts.met === counts.total;
  return (
    <Flex gap={2} wrap="wrap">
      <Badge variant={allMet ? 'success' : 'neutral'}>{text('assessment.summary.met', { met: counts.met, total: counts.total })}</Badge>
      <Typography variant="pi" textColor="neutral600">
        {text('assessment.summary.details', { notMet: counts.notMet, notAssessed: counts.notAssessed })}
      </Typography>
    </Flex>
  );
}
