import * as React from 'react';
import { Box, Divider, Flex, Typography } from '@strapi/design-system';
import { useAuth } from '@strapi/strapi/admin';
import { Notice } from '../components/Notice';
import { useFramework } from '../framework/useFramework';
import { textsByKey } from '../framework/types';
import { useEditedLocale } from '../locale/useEditedLocale';
import { type MessageKey, useText } from '../translations/messages';
import type { CheckedField } from './checked-values';
import { useNoSaveOnEnterInDates } from './date-enter';
import { SaveCheck } from './SaveCheck';
import { TranslationNotice } from './TranslationNotice';
import { isTranslatorOnly } from './translator-only';
import { usePracticeCheck } from './usePracticeCheck';
import { ValidationWorkflow } from './ValidationWorkflow';

const FIELD_LABELS: Record<CheckedField, MessageKey> = {
  title: 'editView.field.title',
  slug: 'editView.field.slug',
  country: 'editView.field.country',
  website: 'editView.field.website',
  projectStart: 'editView.field.projectStart',
  projectEnd: 'editView.field.projectEnd',
  validationStatus: 'editView.field.validationStatus',
  validationDate: 'editView.field.validationDate',
  assessment: 'editView.field.assessment',
  answers: 'editView.field.answers',
  coverImage: 'editView.field.coverImage',
};

interface PracticePanelProps {
  documentId: string | undefined;
  /** The locale of the version shown, when the document says it. */
  documentLocale: string | undefined;
  /** True on the "published" tab, which is read-only. */
  readOnly: boolean;
  restored: boolean;
}

/** The practice edit view's side panel: the save check, what a translation lacks, and the validation workflow. */
export function PracticePanel({ documentId, documentLocale, readOnly, restored }: PracticePanelProps) {
  const text = useText();
  const urlLocale = useEditedLocale();
  const { state, retry } = usePracticeCheck(documentId, documentLocale ?? urlLocale);
  useNoSaveOnEnterInDates();
  // The framework in the edited language, as the assessment and answers inputs show it.
  const framework = useFramework(documentLocale ?? urlLocale);
  const frameworkTexts = React.useMemo(() => (framework.status === 'ready' ? textsByKey(framework.framework) : new Map<string, string>()), [framework]);
  const roleCodes = useAuth('GoodPracticesPanel', (auth) => auth.user?.roles ?? []).map((role) => role.code);
  const labels = Object.fromEntries(Object.entries(FIELD_LABELS).map(([field, key]) => [field, text(key)]));

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%">
      {restored ? (
        <Notice variant="warning" title={text('editView.restored.title')}>
          {text('editView.restored.body')}
        </Notice>
      ) : null}
      {readOnly ? null : (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography tag="h3" variant="sigma" textColor="neutral600">
            {text('editView.check.heading')}
          </Typography>
          <SaveCheck state={state} retry={retry} labels={labels} frameworkTexts={frameworkTexts} />
        </Flex>
      )}
      {/* Only in a locale other than the default one (the server answers null there). */}
      {!readOnly && state.kind === 'checked' && state.translation ? (
        <Flex direction="column" alignItems="stretch" gap={2} data-testid="translation-notice">
          <Typography tag="h3" variant="sigma" textColor="neutral600">
            {text('editView.translation.heading')}
          </Typography>
          <TranslationNotice gaps={state.translation} />
        </Flex>
      ) : null}
      <Divider />
      <Box>
        <Typography tag="h3" variant="sigma" textColor="neutral600">
          {text('editView.workflow.heading')}
        </Typography>
        <Box paddingTop={2}>
          <ValidationWorkflow readOnly={readOnly || isTranslatorOnly(roleCodes)} />
        </Box>
      </Box>
    </Flex>
  );
}
