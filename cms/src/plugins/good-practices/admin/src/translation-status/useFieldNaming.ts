import * as React from 'react';
import { useIntl } from 'react-intl';
import { plainFieldLabel } from '../content-manager/field-label';
import { useQuestionTexts } from '../framework/useQuestionTexts';
import { useText } from '../translations/messages';
import type { FieldNaming } from './field-names';

/** What describeField needs to name the fields of entries of the content type `uid`. */
export function useFieldNaming(): (uid: string | undefined) => FieldNaming {
  const text = useText();
  const { locale } = useIntl();
  const questions = useQuestionTexts();
  return React.useCallback(
    (uid: string | undefined) => ({ text, questions, fieldLabel: (field: string) => plainFieldLabel(uid, field, locale) }),
    [text, questions, locale],
  );
}
