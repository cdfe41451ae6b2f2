import { Box, Flex, TextButton, Typography } from '@strapi/design-system';
import { Notice } from '../components/Notice';
import { nameKeysIn } from '../framework/name-keys';
import { useText } from '../translations/messages';
import { focusField } from './focus-field';
import { problemsByField } from './problems-by-field';
import type { PracticeCheckState } from './usePracticeCheck';

interface SaveCheckProps {
  state: PracticeCheckState;
  retry: () => void;
  /** Field labels as the edit view shows them (attribute names otherwise). */
  labels: Record<string, string>;
  /** Question and item texts by key: the server's messages quote keys, shown by their text instead. */
  frameworkTexts: ReadonlyMap<string, string>;
}

/**
 * What the server would say about a save of the current values: nothing, or a "fix before
 * saving" list with, per field, the server's own messages and a link to the field.
 */
export function SaveCheck({ state, retry, labels, frameworkTexts }: SaveCheckProps) {
  const text = useText();
  if (state.kind === 'failed') {
    return (
      <Notice variant="warning" title={text('editView.check.failed.title')} action={<TextButton onClick={retry}>{text('editView.check.retry')}</TextButton>}>
        {text('editView.check.failed.body', { reason: state.reason })}
      </Notice>
    );
  }
  if (state.kind === 'checking') {
    return (
      <Typography tag="p" variant="pi" textColor="neutral600" role="status">
        {text('editView.check.checking')}
      </Typography>
    );
  }
  if (state.problems.length === 0) {
    return (
      <Typography tag="p" variant="pi" textColor="success600" role="status">
        {text('editView.check.ok')}
      </Typography>
    );
  }
  return (
    <Notice variant="danger" title={text('editView.check.problems.title')}>
      {text('editView.check.problems.body')}
      <Box tag="ul" paddingTop={2}>
        {problemsByField(state.problems).map(({ field, messages }) => (
          <Box tag="li" key={field} paddingTop={2}>
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <TextButton onClick={() => focusField(field, labels[field])} aria-label={text('editView.check.goTo', { field: labels[field] ?? field })}>
                {labels[field] ?? field}
              </TextButton>
              {messages.map((messageText) => (
                <Typography key={messageText} tag="p" variant="pi" textColor="neutral800">
                  {nameKeysIn(messageText, frameworkTexts)}
                </Typography>
              ))}
            </Flex>
          </Box>
        ))}
      </Box>
    </Notice>
  );
}
