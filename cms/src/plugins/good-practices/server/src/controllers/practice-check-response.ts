/**
 * What POST /good-practices/practices/check answers (read by the edit view's side panel,
 * admin/src/edit-view/check-practice.ts). Types only, so the admin bundle imports nothing of the
 * server.
 */
export interface PracticeCheckProblem {
  /** Attribute name as in the practice schema. */
  field: string;
  /** The message a save would be refused with. */
  message: string;
}

/** A text of the source that the edited translation lacks. */
export interface UntranslatedText {
  /** The language visitors of the edited locale read it in instead (the first of the locale's
   *  fallback chain with a published text); null when no published version has it. */
  readIn: string | null;
}

/** What the edited translation lacks that the default locale's version has (domain/translation-gaps.ts). */
export interface PracticeTranslationGaps {
  /** The default locale, the source compared with. */
  sourceLocale: string;
  /** Text fields: summary, objectives, inspiration, contactDetails, funding. */
  fields: (UntranslatedText & { field: string })[];
  answers: {
    /** Answers with text in the source. */
    total: number;
    untranslated: (UntranslatedText & { questionKey: string })[];
  };
}

export interface PracticeCheckResponse {
  data: {
    /** Empty: a save of these values would be accepted by the plugin's invariants. */
    problems: PracticeCheckProblem[];
    /** The locale the values were checked in (the default locale when none was given). */
    locale: string;
    /** Null in the default locale and for a practice without a default-locale version. Never blocks a save. */
    translation: PracticeTranslationGaps | null;
  };
}
