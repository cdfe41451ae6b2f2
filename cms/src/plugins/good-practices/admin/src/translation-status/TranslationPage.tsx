/**
 * The plugin's translation page (menu link "Translations"): per locale, what is missing, outdated
 * or incomplete, linked to the entries in the Content Manager; and XLIFF files to download and
 * upload. The locale, the filter and the tab live in the URL, so that coming back from an edit
 * view shows the same list.
 */
import { Button, Flex, Loader, Tabs, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Layouts, Page, useAuth, useQueryParams } from '@strapi/strapi/admin';
import * as React from 'react';
import { Notice } from '../components/Notice';
import { useText } from '../translations/messages';
import { XliffTab } from '../xliff/XliffTab';
import { translationPagePermissions } from './menu-permissions';
import { StatusTab } from './StatusTab';
import { type StatusFilter, statusFilters } from './status-rows';
import { useTranslationStatus } from './useTranslationStatus';
import { initialLocale, writableLocales } from './writable-locales';

interface PageQuery {
  locale?: string;
  show?: string;
  tab?: string;
}

const TABS = ['status', 'xliff'] as const;
type Tab = (typeof TABS)[number];

function TranslationContent() {
  const text = useText();
  const { state, reload } = useTranslationStatus();
  const permissions = useAuth('TranslationPage', (auth) => auth.permissions);
  const writable = React.useMemo(() => writableLocales(permissions), [permissions]);
  const [{ query }, setQuery] = useQueryParams<PageQuery>();
  const filter: StatusFilter = statusFilters.includes(query.show as StatusFilter) ? (query.show as StatusFilter) : 'all';
  const tab: Tab = TABS.includes(query.tab as Tab) ? (query.tab as Tab) : 'status';
  const update = (next: PageQuery) => setQuery(next, 'push', true);

  if (state.status === 'loading') return <Page.Loading>{text('translation.loading')}</Page.Loading>;
  if (state.status === 'failed') {
    return (
      <Notice
        variant="danger"
        action={
          <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={reload}>
            {text('translation.retry')}
          </Button>
        }
      >
        {text('translation.failed', { reason: state.reason })}
      </Notice>
    );
  }

  const { defaultLocale, locales } = state.data;
  const code = initialLocale(
    locales.map((status) => status.locale),
    writable,
    typeof query.locale === 'string' ? query.locale : undefined,
  );
  const selected = locales.find((status) => status.locale === code);
  if (!selected) return <Notice variant="neutral">{text('translation.noLocales', { defaultLocale })}</Notice>;

  return (
    <Tabs.Root value={tab} onValueChange={(value) => update({ tab: value })}>
      <Flex justifyContent="space-between" alignItems="flex-end" gap={4} wrap="wrap">
        <Tabs.List aria-label={text('translation.tabs.label')}>
          <Tabs.Trigger value="status">{text('translation.tabs.status')}</Tabs.Trigger>
          <Tabs.Trigger value="xliff">{text('translation.tabs.xliff')}</Tabs.Trigger>
        </Tabs.List>
        <Flex gap={2}>
          {state.refreshing ? (
            <>
              <Loader small />
              <Typography variant="pi" textColor="neutral600">
                {text('translation.refreshing')}
              </Typography>
            </>
          ) : null}
          <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={reload} disabled={state.refreshing}>
            {text('translation.reload')}
          </Button>
        </Flex>
      </Flex>
      <Tabs.Content value="status">
        <Flex direction="column" alignItems="stretch" paddingTop={6}>
          <StatusTab
            defaultLocale={defaultLocale}
            locales={locales}
            selected={selected}
            writable={writable}
            filter={filter}
            onLocaleChange={(locale) => update({ locale })}
            onFilterChange={(show) => update({ show })}
          />
        </Flex>
      </Tabs.Content>
      <Tabs.Content value="xliff">
        <Flex direction="column" alignItems="stretch" paddingTop={6}>
          <XliffTab defaultLocale={defaultLocale} locales={locales} locale={selected.locale} onLocaleChange={(locale) => update({ locale })} onImported={reload} />
        </Flex>
      </Tabs.Content>
    </Tabs.Root>
  );
}

export default function TranslationPage() {
  const text = useText();
  return (
    <Page.Protect permissions={translationPagePermissions}>
      <Page.Main>
        <Page.Title>{text('translation.page.title')}</Page.Title>
        <Layouts.Header title={text('translation.page.title')} subtitle={text('translation.page.subtitle')} />
        <Layouts.Content>
          <TranslationContent />
        </Layouts.Content>
      </Page.Main>
    </Page.Protect>
  );
}
