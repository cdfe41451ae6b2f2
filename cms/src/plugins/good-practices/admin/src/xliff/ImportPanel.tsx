import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { useText } from '../translations/messages';
import { ImportOutcomeView } from './ImportOutcomeView';
import type { ImportOutcome } from './import-outcome';
import { importXliff } from './xliff-requests';

type ImportState = { status: 'idle' } | { status: 'working'; file: string } | { status: 'done'; file: string; outcome: ImportOutcome };

/** Upload: one translated XLIFF file, checked as a whole by the server before anything is written. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const text = useText();
  const client = useFetchClient();
  const [file, setFile] = React.useState<File | null>(null);
  const [state, setState] = React.useState<ImportState>({ status: 'idle' });
  const headingId = React.useId();
  const inputId = React.useId();
  const hintId = React.useId();

  const upload = async () => {
    if (!file) return;
    setState({ status: 'working', file: file.name });
    const outcome = await importXliff(client, file, file.name);
    setState({ status: 'done', file: file.name, outcome });
    if (outcome.kind === 'imported' && outcome.result.written.length > 0) onImported();
  };

  return (
    <Box tag="section" aria-labelledby={headingId} background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Box>
          <Typography id={headingId} tag="h2" variant="delta">
            {text('xliff.import.heading')}
          </Typography>
          <Typography tag="p" textColor="neutral600">
            {text('xliff.import.description')}
          </Typography>
        </Box>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography tag="label" htmlFor={inputId} variant="pi" fontWeight="bold" textColor="neutral800">
            {text('xliff.import.file')}
          </Typography>
          <input
            id={inputId}
            type="file"
            accept=".xlf,.xliff,.xml,application/x-xliff+xml,application/xml"
            aria-describedby={hintId}
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setState({ status: 'idle' });
            }}
          />
          <Typography id={hintId} tag="p" variant="pi" textColor="neutral600">
            {text('xliff.import.fileHint')}
          </Typography>
        </Flex>
        <Box>
          <Button startIcon={<Upload />} onClick={upload} disabled={!file || state.status === 'working'} loading={state.status === 'working'}>
            {text('xliff.import.button')}
          </Button>
        </Box>
        <Box aria-live="polite">{state.status === 'done' ? <ImportOutcomeView file={state.file} outcome={state.outcome} /> : null}</Box>
      </Flex>
    </Box>
  );
}
