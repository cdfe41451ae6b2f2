import { Flex } from '@strapi/design-system';
import type { LocaleTranslationStatus } from '../../../contract/admin-api';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

interface XliffTabProps {
  defaultLocale: string;
  locales: LocaleTranslationStatus[];
  locale: string;
  onLocaleChange: (code: string) => void;
  onImported: () => void;
}

/** Translation files for translation tools: download one per locale, upload it back translated. */
export function XliffTab({ defaultLocale, locales, locale, onLocaleChange, onImported }: XliffTabProps) {
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <ExportPanel defaultLocale={defaultLocale} locales={locales} locale={locale} onLocaleChange={onLocaleChange} />
      <ImportPanel onImported={onImported} />
    </Flex>
  );
}
