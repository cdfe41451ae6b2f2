import { Box, Field, Flex, Radio, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import * as React from 'react';
import type { LocaleTranslationStatus } from '../../../contract/admin-api';
import { Notice } from '../components/Notice';
import { useText } from '../translations/messages';
import { AreaTable } from './AreaTable';
import { areaLabels, filterLabels } from './labels';
import { type AreaView, localeCounts, localeView, type StatusFilter, statusFilters } from './status-rows';

interface StatusTabProps {
  defaultLocale: string;
  locales: LocaleTranslationStatus[];
  selected: LocaleTranslationStatus;
  writable: ReadonlySet<string>;
  filter: StatusFilter;
  onLocaleChange: (code: string) => void;
  onFilterChange: (filter: StatusFilter) => void;
}

/** "Czech (cs)": Strapi's locale names usually carry the code already ("Czech (cs)"), custom ones may not. */
export function localeOptionLabel(status: LocaleTranslationStatus): string {
  if (!status.name || status.name === status.locale) return status.locale;
  return status.name.includes(`(${status.locale})`) ? status.name : `${status.name} (${status.locale})`;
}

/** Per locale: how much is done, and the entries that are missing, outdated or incomplete, by part of the content. */
export function StatusTab({ defaultLocale, locales, selected, writable, filter, onLocaleChange, onFilterChange }: StatusTabProps) {
  const text = useText();
  const collator = React.useMemo(() => new Intl.Collator(defaultLocale, { sensitivity: 'base', numeric: true }), [defaultLocale]);
  const areas = React.useMemo(() => localeView(selected, filter, collator), [selected, filter, collator]);
  const totals = localeCounts(selected);
  const filterLabelId = React.useId();
  const localeName = localeOptionLabel(selected);

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Flex gap={6} alignItems="flex-start" wrap="wrap">
        <Box minWidth="18rem">
          <Field.Root name="translation-locale" hint={text('translation.locale.hint', { defaultLocale })}>
            <Field.Label>{text('translation.locale.label')}</Field.Label>
            <SingleSelect value={selected.locale} onChange={(value) => onLocaleChange(String(value))}>
              {locales.map((status) => (
                <SingleSelectOption key={status.locale} value={status.locale}>
                  {text(writable.has(status.locale) ? 'translation.locale.option' : 'translation.locale.readOnly', { name: localeOptionLabel(status) })}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Hint />
          </Field.Root>
        </Box>
        <Box>
          <Typography id={filterLabelId} variant="pi" fontWeight="bold" textColor="neutral800" tag="p">
            {text('translation.filter.label')}
          </Typography>
          <Box paddingTop={2}>
            <Radio.Group aria-labelledby={filterLabelId} value={filter} onValueChange={(value) => onFilterChange(value as StatusFilter)}>
              <Flex gap={4} wrap="wrap">
                {statusFilters.map((option) => (
                  <Radio.Item key={option} value={option}>
                    {text(filterLabels[option])}
                  </Radio.Item>
                ))}
              </Flex>
            </Radio.Group>
          </Box>
        </Box>
      </Flex>

      {writable.has(selected.locale) ? null : <Notice variant="neutral">{text('translation.locale.readOnlyNotice', { name: localeName })}</Notice>}

      <Box role="status">
        <Typography tag="p" variant="delta">
          {text('translation.summary', { upToDate: totals.upToDate, total: totals.total, locale: localeName })}
        </Typography>
        <Typography tag="p" textColor="neutral600">
          {text('translation.summary.counts', { missing: totals.missing, outdated: totals.outdated, incomplete: totals.incomplete })}
        </Typography>
      </Box>

      {areas.map((view) => (
        <AreaSection key={view.area} view={view} locale={selected.locale} localeName={localeName} />
      ))}
    </Flex>
  );
}

function AreaSection({ view, locale, localeName }: { view: AreaView; locale: string; localeName: string }) {
  const text = useText();
  const headingId = React.useId();
  const { counts } = view;
  const needsWork = counts.total - counts.upToDate;
  let empty: string | undefined;
  if (counts.total === 0) empty = text('translation.area.empty');
  else if (needsWork === 0) empty = text('translation.area.done');
  else if (view.rows.length === 0) empty = text('translation.area.noMatch');

  return (
    <Box tag="section" aria-labelledby={headingId} background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Box>
          <Typography id={headingId} tag="h2" variant="delta">
            {text(areaLabels[view.area])}
          </Typography>
          <Typography tag="p" variant="pi" textColor="neutral600">
            {text('translation.area.counts', { total: counts.total, upToDate: counts.upToDate, missing: counts.missing, outdated: counts.outdated, incomplete: counts.incomplete })}
          </Typography>
        </Box>
        {empty ? (
          <Typography tag="p" textColor="neutral600">
            {empty}
          </Typography>
        ) : (
          <AreaTable area={view.area} rows={view.rows} locale={locale} localeName={localeName} />
        )}
      </Flex>
    </Box>
  );
}
