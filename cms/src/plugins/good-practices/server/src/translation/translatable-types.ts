/**
 * What translators translate: for each localized content type of the plugin, how its entries are
 * recognised across locales and which localized texts are units of translation. Shared by the
 * translation status, the XLIFF export/import and the translation stamps, so that the three can
 * never disagree on what "the text of an entry" is.
 *
 * Only texts are listed: links (a tool's url, the site's privacy link), e-mail addresses and
 * media are localized too but are not translated sentence by sentence; translators edit them in
 * the admin (their role may).
 */
import { uids, type PluginContentTypeUid } from '../plugin-id';

/** The parts of the content a translation request (status, XLIFF selection) can be about. */
export const translationAreas = ['practices', 'tools', 'framework', 'taxonomies', 'site'] as const;
export type TranslationArea = (typeof translationAreas)[number];

/** The first segment of a unit id: what kind of entry a text belongs to. */
export type EntryKind = 'practice' | 'tool' | 'group' | 'question' | 'item' | 'integration-area' | 'target-group' | 'site';

export interface TranslatableType {
  kind: EntryKind;
  uid: PluginContentTypeUid;
  area: TranslationArea;
  /**
   * How an entry is the same entry in another locale: its documentId (Strapi's locale versions),
   * its non-localized `key` (framework and terms are matched by key, as the public API does), or
   * the one document of a single type.
   */
  identity: 'documentId' | 'key' | 'single';
  /** Localized plain-text fields, one unit each, in the order translators read them. */
  textFields: readonly string[];
  /** The practice's answers: one unit per answer body (`answers/<questionKey>/body`). */
  answers: boolean;
  /** The site's interface labels: one unit per label (`labels/<labelKey>`). */
  labels: boolean;
  /** The field that names an entry in lists and notes. */
  labelField: string;
  /**
   * Every type has draft & publish (the schemas): translation reads and writes drafts, and the
   * status reports whether the source is published. Kept per type so that the schema and this
   * list are compared (tests/integration/draft-leaks-framework.test.ts).
   */
  draftAndPublish: boolean;
  /** Localized fields a new locale version cannot be created without. */
  requiredForNewVersion: readonly string[];
}

const type = (definition: Omit<TranslatableType, 'answers' | 'labels'> & Partial<Pick<TranslatableType, 'answers' | 'labels'>>): TranslatableType => ({
  answers: false,
  labels: false,
  ...definition,
});

export const translatableTypes: readonly TranslatableType[] = [
  type({
    kind: 'practice',
    uid: uids.practice,
    area: 'practices',
    identity: 'documentId',
    textFields: ['title', 'slug', 'summary', 'organisation', 'objectives', 'inspiration', 'contactDetails', 'funding'],
    answers: true,
    labelField: 'title',
    draftAndPublish: true,
    requiredForNewVersion: ['title', 'slug'],
  }),
  type({
    kind: 'tool',
    uid: uids.tool,
    area: 'tools',
    identity: 'documentId',
    textFields: ['name', 'slug', 'description'],
    labelField: 'name',
    draftAndPublish: true,
    requiredForNewVersion: ['name', 'slug'],
  }),
  type({
    kind: 'group',
    uid: uids.criteriaGroup,
    area: 'framework',
    identity: 'key',
    textFields: ['title', 'description'],
    labelField: 'title',
    draftAndPublish: true,
    requiredForNewVersion: ['title'],
  }),
  type({
    kind: 'question',
    uid: uids.question,
    area: 'framework',
    identity: 'key',
    textFields: ['text'],
    labelField: 'text',
    draftAndPublish: true,
    requiredForNewVersion: ['text'],
  }),
  type({
    kind: 'item',
    uid: uids.checklistItem,
    area: 'framework',
    identity: 'key',
    textFields: ['text'],
    labelField: 'text',
    draftAndPublish: true,
    requiredForNewVersion: ['text'],
  }),
  type({
    kind: 'integration-area',
    uid: uids.integrationArea,
    area: 'taxonomies',
    identity: 'key',
    textFields: ['name'],
    labelField: 'name',
    draftAndPublish: true,
    requiredForNewVersion: ['name'],
  }),
  type({
    kind: 'target-group',
    uid: uids.targetGroup,
    area: 'taxonomies',
    identity: 'key',
    textFields: ['name'],
    labelField: 'name',
    draftAndPublish: true,
    requiredForNewVersion: ['name'],
  }),
  type({
    kind: 'site',
    uid: uids.site,
    area: 'site',
    identity: 'single',
    textFields: ['siteName', 'tagline', 'intro', 'about', 'partners', 'privacy', 'consortium', 'fundingDisclaimer'],
    labels: true,
    labelField: 'siteName',
    draftAndPublish: true,
    requiredForNewVersion: ['siteName'],
  }),
];

export function typeOfKind(kind: string): TranslatableType | undefined {
  return translatableTypes.find((candidate) => candidate.kind === kind);
}

export function typeOfUid(uid: string): TranslatableType | undefined {
  return translatableTypes.find((candidate) => candidate.uid === uid);
}

export function typesOfAreas(areas: readonly TranslationArea[]): TranslatableType[] {
  return translatableTypes.filter((candidate) => areas.includes(candidate.area));
}

/** The fields a read of an entry must select to extract its segments and identify it. */
export function fieldsToRead(type: TranslatableType): string[] {
  return [
    ...(type.identity === 'key' ? ['key'] : []),
    ...type.textFields,
    ...(type.answers ? ['answers'] : []),
    ...(type.labels ? ['labels'] : []),
    'locale',
    'updatedAt',
  ];
}
