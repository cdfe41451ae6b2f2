import { Button, Flex, Loader, Typography } from '@strapi/design-system';
import type { FrameworkState } from '../framework/useFramework';
import { useText } from '../translations/messages';
import { Notice } from './Notice';

/** What an input shows instead of the framework while it loads, if it fails, or if it is empty. */
export function FrameworkStatus({ state }: { state: Exclude<FrameworkState, { status: 'ready' }> | { status: 'empty' } }) {
  const text = useText();
  switch (state.status) {
    case 'loading':
      return (
        <Flex gap={2}>
          <Loader small />
          <Typography variant="pi" textColor="neutral600">
            {text('framework.loading')}
          </Typography>
        </Flex>
      );
    case 'failed':
      return (
        <Notice
          variant="danger"
          action={
            <Button variant="tertiary" size="S" onClick={state.retry}>
              {text('framework.retry')}
            </Button>
          }
        >
          {text('framework.failed', { reason: state.reason })}
        </Notice>
      );
    case 'empty':
      return <Notice variant="warning">{text('framework.empty')}</Notice>;
  }
}
