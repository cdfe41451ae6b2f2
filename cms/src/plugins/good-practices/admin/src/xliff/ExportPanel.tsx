import { Box, Button, Checkbox, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import type { LocaleTranslationStatus, TranslationAreaName } from '../../../contract/admin-api';
import { Notice } from '../components/Notice';
import { describeFailure } from '../framework/load-framework';
import { areaLabels } from '../translation-status/labels';
import { localeOptionLabel } from '../translation-status/StatusTab';
import { areaOrder } from '../translation-status/status-rows';
import { useText } from '../translations/messages';
import { exportXliff, saveFile } from './xliff-requests';

type ExportState = { status: 'idle' } | { status: 'working' } | { status: 'done'; name: string } | { status: 'failed'; reason: string };

interface ExportPanelProps {
  defaultLocale: string;
  locales: LocaleTranslationStatus[];
  locale: string;
  onLocaleChange: (code: string) => void;
}

/** Download: a target locale and the parts of the content, as one XLIFF 1.2 file. */
export function ExportPanel({ defaultLocale, locales, locale, onLocaleChange }: ExportPanelProps) {
  const text = useText();
  const client = useFetchClient();
  const [areas, setAreas] = React.useState<ReadonlySet<TranslationAreaName>>(() => new Set(areaOrder));
  const [state, setState] = React.useState<ExportState>({ status: 'idle' });
  const headingId = React.useId();
  const selectionId = React.useId();

  const toggle = (area: TranslationAreaName, checked: boolean) =>
    setAreas((current) => {
      const next = new Set(current);
      if (checked) next.add(area);
      else next.delete(area);
      return next;
    });

  const download = async () => {
    setState({ status: 'working' });
    try {
      const { blob, name } = await exportXliff(
        client,
        locale,
        areaOrder.filter((area) => areas.has(area)),
      );
      saveFile(blob, name);
      setState({ status: 'done', name });
    } catch (error) {
      setState({ status: 'failed', reason: describeFailure(error) });
    }
  };

  return (
    <Box tag="section" aria-labelledby={headingId} background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Box>
          <Typography id={headingId} tag="h2" variant="delta">
            {text('xliff.export.heading')}
          </Typography>
          <Typography tag="p" textColor="neutral600">
            {text('xliff.export.description', { defaultLocale })}
          </Typography>
        </Box>
        <Box maxWidth="24rem">
          <Field.Root name="xliff-export-locale">
            <Field.Label>{text('xliff.export.locale')}</Field.Label>
            <SingleSelect value={locale} onChange={(value) => onLocaleChange(String(value))}>
              {locales.map((status) => (
                <SingleSelectOption key={status.locale} value={status.locale}>
                  {localeOptionLabel(status)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        <Box tag="fieldset" style={{ border: 0, padding: 0, margin: 0 }} aria-describedby={selectionId}>
          <Typography tag="legend" variant="pi" fontWeight="bold" textColor="neutral800">
            {text('xliff.export.selection')}
          </Typography>
          <Flex direction="column" alignItems="flex-start" gap={2} paddingTop={2}>
            {areaOrder.map((area) => (
              <Checkbox key={area} name={`xliff-area-${area}`} checked={areas.has(area)} onCheckedChange={(checked) => toggle(area, checked === true)}>
                {text(areaLabels[area])}
              </Checkbox>
            ))}
          </Flex>
          <Typography id={selectionId} tag="p" variant="pi" textColor={areas.size === 0 ? 'danger600' : 'neutral600'}>
            {text(areas.size === 0 ? 'xliff.export.none' : 'xliff.export.selectionHint')}
          </Typography>
        </Box>
        <Box>
          <Button startIcon={<Download />} onClick={download} disabled={areas.size === 0 || state.status === 'working'} loading={state.status === 'working'}>
            {text('xliff.export.button')}
          </Button>
        </Box>
        <Box aria-live="polite">
          {state.status === 'done' ? <Notice variant="neutral">{text('xliff.export.done', { name: state.name })}</Notice> : null}
          {state.status === 'failed' ? <Notice variant="danger">{text('xliff.export.failed', { reason: state.reason })}</Notice> : null}
        </Box>
      </Flex>
    </Box>
  );
}
