import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Notice } from '../components/Notice';
import { type MessageKey, useText } from '../translations/messages';
import type { PracticeTranslationGaps } from './check-practice';
import { languageList, translationComplete, translationNoticeParts } from './translation-notice';

const TEXT_FIELD_LABELS: Record<string, MessageKey> = {
  summary: 'editView.field.summary',
  organisation: 'editView.field.organisation',
  contactDetails: 'editView.field.contactDetails',
  funding: 'editView.field.funding',
  objectives: 'editView.field.objectives',
  inspiration: 'editView.field.inspiration',
};

/**
 * What visitors of this locale will read in another language, because the translation lacks it
 * (a partial translation may be published: this informs, it never blocks). A status region in
 * words, so that neither colour nor sight is needed.
 */
export function TranslationNotice({ gaps }: { gaps: PracticeTranslationGaps }) {
  const text = useText();
  const { locale } = useIntl();
  const parts = translationNoticeParts(gaps);
  if (translationComplete(parts)) {
    return (
      <Typography tag="p" variant="pi" textColor="neutral600" role="status">
        {text('editView.translation.complete', { source: languageList([gaps.sourceLocale], locale) })}
      </Typography>
    );
  }
  const sentences: string[] = [];
  const { answers, fields } = parts;
  if (answers.count > 0) {
    if (answers.readIn.length === 0) sentences.push(text('editView.translation.answersNowhere', { count: answers.count, total: answers.total }));
    else {
      sentences.push(text('editView.translation.answers', { count: answers.count, total: answers.total, languages: languageList(answers.readIn, locale) }));
      if (answers.unseen > 0) sentences.push(text('editView.translation.someNowhere', { count: answers.unseen }));
    }
  }
  if (fields.count > 0) {
    const names = new Intl.ListFormat([locale], { type: 'conjunction' }).format(
      fields.names.map((field) => (TEXT_FIELD_LABELS[field] ? text(TEXT_FIELD_LABELS[field]) : field)),
    );
    if (fields.readIn.length === 0) sentences.push(text('editView.translation.fieldsNowhere', { count: fields.count, fields: names }));
    else {
      sentences.push(text('editView.translation.fields', { count: fields.count, fields: names, languages: languageList(fields.readIn, locale) }));
      if (fields.unseen > 0) sentences.push(text('editView.translation.someNowhere', { count: fields.unseen }));
    }
  }
  sentences.push(text('editView.translation.publishAnyway'));
  return (
    <Notice variant="neutral" title={text('editView.translation.title')}>
      {sentences.join(' ')}
    </Notice>
  );
}
