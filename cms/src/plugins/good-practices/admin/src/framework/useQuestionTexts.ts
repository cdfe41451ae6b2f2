import * as React from 'react';
import { useIntl } from 'react-intl';
import { loadFramework } from './load-framework';
import { textsByKey } from './types';

/**
 * The framework's question and checklist item texts by key, in the admin's interface language
 * when it is one of the content's languages, else in the default one: for pages that name
 * answers and items without an edited locale (translation page, XLIFF import). Empty until
 * loaded, and if the framework cannot be read (the names then say "an answer").
 */
export function useQuestionTexts(): ReadonlyMap<string, string> {
  const { locale } = useIntl();
  const [texts, setTexts] = React.useState<ReadonlyMap<string, string>>(new Map());
  React.useEffect(() => {
    let current = true;
    loadFramework(locale)
      .catch(() => loadFramework(undefined))
      .then(
        (framework) => {
          if (current) setTexts(textsByKey(framework));
        },
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [locale]);
  return texts;
}
