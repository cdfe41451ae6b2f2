/**
 * The plugin's services as code outside the plugin calls them
 * (`strapi.plugin('good-practices').service(name)`): the CMS's scripts (cms/scripts: the import
 * command, the demo seed) load Strapi in-process but do not compile the plugin's sources, so
 * they take the services' types from here. The plugin's services are declared with these types,
 * so a change of either side shows in the other's type check.
 *
 * Types only (no runtime code): plain Node runs the scripts by stripping types, and this file's
 * imports are erased with them.
 */
import type { ToolKind } from './index';

// ---------------------------------------------------------------------------------------------
// The `import` service: a SPRING good-practice page (its text) as a practice
// ---------------------------------------------------------------------------------------------

/** A checklist item's state as a page gives it (items a page does not list are not assessed). */
export type AssessmentState = 'met' | 'not-met';

/** An "Inspiring tools" entry of an answer. */
export interface Tool {
  name: string;
  kind: ToolKind;
}

/** The page's answer to one framework question. */
export interface Answer {
  questionKey: string;
  /** Markdown: the answer's paragraphs, verbatim, joined by a blank line. */
  body: string;
  tools: Tool[];
  /** 1-based line of the question in the source text. */
  line: number;
}

export interface PracticeDraft {
  title: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  /** ISO dates (YYYY-MM-DD); an imprecise page date becomes the first day of its month/year. */
  projectStart: string | null;
  projectEnd: string | null;
  validationDate: string | null;
  contactDetails: string | null;
  website: string | null;
  funding: string | null;
  objectives: string | null;
  inspiration: string | null;
  /** In page order; questions the page does not answer are absent. */
  answers: Answer[];
  /** Checklist item key -> state. Items the page does not list are absent (not assessed). */
  assessment: Record<string, AssessmentState>;
}

export type ReportLevel = 'warning' | 'error';

export type ReportCode =
  | 'title-missing'
  | 'title-mismatch'
  | 'metadata-absent'
  | 'metadata-missing'
  | 'metadata-empty'
  | 'metadata-duplicate'
  | 'country-unrecognised'
  | 'country-approximate'
  | 'country-mismatch'
  | 'date-imprecise'
  | 'date-ambiguous'
  | 'date-unrecognised'
  | 'repeated-label'
  | 'unmapped-text'
  | 'unmapped-item'
  | 'fuzzy-question-match'
  | 'fuzzy-item-match'
  | 'item-in-other-question'
  | 'duplicate-item'
  | 'conflicting-item-state'
  | 'unmarked-item'
  | 'unusual-marker'
  | 'duplicate-question'
  | 'question-outside-group'
  | 'empty-answer'
  | 'duplicate-tool'
  | 'tool-outside-answer'
  | 'invalid-utf8';

export interface ReportEntry {
  /** 1-based line in the source text; 0 when the finding concerns the page as a whole. */
  line: number;
  level: ReportLevel;
  code: ReportCode;
  message: string;
}

/** The parser's report codes, plus what preparing the practice for the CMS adds. */
export type ImportReportCode = ReportCode | 'website-completed' | 'website-invalid' | 'dates-inverted';

export interface ImportReportEntry extends Omit<ReportEntry, 'code'> {
  code: ImportReportCode;
}

/** A page parsed and prepared for the CMS, before anything is written (server/src/import/prepare-page.ts; the CLI's --dry-run). */
export interface PreparedPage {
  /** The practice's title (the page's, else options.title). */
  title: string;
  /** Kebab-case ASCII slug derived from the title: the practice's identity within a locale. */
  slug: string;
  practice: PracticeDraft;
  /** Everything the import had to interpret, in page order (line 0 = the page as a whole). */
  report: ImportReportEntry[];
}

export type ImportStatus = 'draft' | 'published';
export type ImportAction = 'created' | 'updated' | 'unchanged';

export interface ToolOutcome {
  name: string;
  kind: ToolKind;
  slug: string;
  /** null on a dry run for a tool that would be created. */
  documentId: string | null;
  action: 'created' | 'reused';
  /** True when this import published (or, on a dry run, would publish) the tool. */
  published: boolean;
}

export interface ImportPageOptions {
  /** A configured locale; default: the default locale. */
  locale?: string;
  /** Default 'draft': stays unpublished. */
  status?: ImportStatus;
  /** Read only: parse and work out what would happen. */
  dryRun?: boolean;
  /** For a page without a title line. */
  title?: string;
  /** Country name or ISO code, for a page that gives none. */
  country?: string;
  /** Echoed in the result and the log. */
  fileName?: string;
}

export interface ImportResult {
  fileName: string | null;
  /** null only on a dry run of a practice that does not exist yet. */
  documentId: string | null;
  slug: string;
  title: string;
  locale: string;
  status: ImportStatus;
  action: ImportAction;
  dryRun: boolean;
  /** True when this import published the practice (false when it already was, unchanged). */
  published: boolean;
  tools: ToolOutcome[];
  /** The parsed practice, keyed by framework keys. */
  practice: PracticeDraft;
  /** Everything the import had to interpret, in page order (line 0 = the page as a whole). */
  report: ImportReportEntry[];
}

/**
 * Throws NotASpringPageError (not a page) or ImportError (cannot be imported as asked) before
 * writing anything, and Strapi's ValidationError when the plugin's invariants refuse a write (the
 * whole import is then rolled back); the scripts recognise them by `name`.
 */
export interface ImportService {
  importPage(text: string, options?: ImportPageOptions): Promise<ImportResult>;
}

// ---------------------------------------------------------------------------------------------
// The `deployment` service: what the app wires at boot for editors, translators and the site
// ---------------------------------------------------------------------------------------------

export interface RolesOptions {
  /** Locale codes for the Translator role; undefined = every non-default locale. */
  translatorLocales?: readonly string[];
}

/** Access keys of the site's API tokens (the deployment's SITE_READ_TOKEN, SITE_PREVIEW_TOKEN). */
export interface SiteTokenKeys {
  read?: string;
  preview?: string;
}

/** Where and how the site is told about publications (server/src/webhooks/site-notifier.ts). */
export interface SiteNotifierOptions {
  revalidateUrl?: string;
  secret?: string;
  rebuildHookUrl?: string;
  timeoutMs?: number;
  coalesceMs?: number;
  rebuildDebounceMs?: number;
  retryDelayMs?: number;
}

export interface DeploymentService {
  /** Editor and Translator admin roles, created only if absent; resolves to the names of the roles it created. */
  ensureRoles(options?: RolesOptions): Promise<string[]>;
  /** The site's API tokens with the deployment's access keys. */
  ensureSiteTokens(keys: SiteTokenKeys): Promise<void>;
  /** Starts (or restarts with new options) the notifier; false when nothing is configured. */
  startSiteNotifier(options: SiteNotifierOptions): boolean;
  stopSiteNotifier(): void;
  /** Sends the site notifications still waiting and waits for them (for scripts about to exit). */
  flushSiteNotifications(): Promise<void>;
}
