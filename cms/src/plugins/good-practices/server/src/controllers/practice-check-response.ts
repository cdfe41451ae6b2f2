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

export interface PracticeCheckResponse {
  data: {
    /** Empty: a save of these values would be accepted by the plugin's invariants. */
    problems: PracticeCheckProblem[];
    /** The locale the values were checked in (the default locale when none was given). */
    locale: string;
  };
}
