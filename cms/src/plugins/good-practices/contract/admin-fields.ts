/**
 * How the Content Manager presents the plugin's content types to editors: a plain-language label
 * and help text for every field, the edit form's rows in named groups, the list's columns and the
 * field that names an entry (in lists and in the relation pickers of other types).
 *
 * The server writes this into the Content Manager's stored configuration at boot
 * (server/src/admin-config/); the admin panel reads the same English texts to recognise a label
 * that is still the plugin's and show it in the admin user's language instead
 * (admin/src/content-manager/translated-layout.ts, translations in admin/src/translations/).
 * Kept free of Strapi imports: read by the server and bundled into the admin panel.
 */
import { uids, type PluginContentTypeUid } from './plugin-id';

export interface FieldText {
  label: string;
  description: string;
}

export interface LayoutField {
  name: string;
  /** Width on a 12-column row; full-width types (rich text, JSON) must be 12. */
  size: number;
}

/** A titled part of the edit form: the admin panel shows each group as its own panel. */
export interface EditGroup {
  id: string;
  rows: LayoutField[][];
}

export interface AdminTypePresentation {
  fields: Record<string, FieldText>;
  groups: EditGroup[];
  /** Columns of the list view. */
  list: string[];
  /** The field that names an entry: list title, and the text shown when another type picks it. */
  mainField: string;
  /** For relations: which field of the target names the picked entries (its name, never its key). */
  relationMainFields?: Record<string, string>;
}

const f = (name: string, size: number): LayoutField => ({ name, size });

const practice: AdminTypePresentation = {
  fields: {
    title: { label: 'Title', description: 'The name of the practice as visitors will read it.' },
    slug: { label: 'Web address (slug)', description: 'The last part of the practice’s web address. It follows the title on a new practice; change it only if needed.' },
    summary: { label: 'Short summary', description: 'Two or three sentences shown in lists and search results.' },
    objectives: { label: 'Objectives', description: 'What the practice sets out to achieve.' },
    inspiration: { label: 'What makes it inspiring', description: 'Why others could learn from this practice.' },
    coverImage: { label: 'Cover image', description: 'An image shown on the practice’s card and page. It needs a description (alternative text), written in the media library: a practice cannot be saved with an image that has none.' },
    featured: { label: 'Featured on the home page', description: 'Show this practice among the featured practices at the top of the home page, in every language. Takes effect when the practice is published.' },
    integrationAreas: { label: 'Integration areas', description: 'The fields of integration the practice works in. Shared by every language.' },
    targetGroups: { label: 'Target groups', description: 'The people the practice is for. Shared by every language.' },
    country: { label: 'Country', description: 'Where the practice takes place. Shared by every language.' },
    projectStart: { label: 'Project start', description: 'When the project started. Shared by every language.' },
    projectEnd: { label: 'Project end', description: 'When the project ended or will end; leave empty if it goes on.' },
    funding: { label: 'Funding', description: 'Who funds the project, and how.' },
    contactDetails: { label: 'Contact', description: 'Who to contact about the practice: organisation, person, e-mail or phone.' },
    website: { label: 'Website', description: 'The project’s web site, starting with https://.' },
    validationStatus: { label: 'Validation status', description: 'Where the practice is in the review. Use the buttons in the side panel.' },
    validationDate: { label: 'Validation date', description: 'Set when the practice is marked as validated; shown on the site.' },
    assessment: { label: 'Checklist assessment', description: 'For each item of the good-practice checklist: met, not met or not assessed. Shared by every language.' },
    answers: { label: 'Answers to the criteria questions', description: 'Answer each question in this language and cite the inspiring tools that helped.' },
    organisation: { label: 'Organisation', description: 'The organisation that runs the practice.' },
    publicSubmission: { label: 'Proposed by a visitor', description: 'Set when a visitor proposed this practice through the site’s form. Filter the list by it to find proposals.' },
    submissionReference: { label: 'Proposal reference', description: 'The reference the visitor received when proposing the practice.' },
    submitterName: { label: 'Proposer’s name', description: 'Who proposed the practice. Private: never shown on the site; deleted with the practice.' },
    submitterEmail: { label: 'Proposer’s e-mail', description: 'Where to reach the proposer about the proposal. Private: never shown on the site; deleted with the practice.' },
  },
  groups: [
    { id: 'about', rows: [[f('title', 6), f('slug', 6)], [f('summary', 6), f('coverImage', 6)], [f('featured', 6)], [f('integrationAreas', 6), f('targetGroups', 6)], [f('objectives', 12)], [f('inspiration', 12)]] },
    { id: 'project', rows: [[f('country', 4), f('projectStart', 4), f('projectEnd', 4)], [f('website', 6), f('funding', 6)], [f('organisation', 6), f('contactDetails', 6)]] },
    { id: 'assessment', rows: [[f('validationStatus', 6), f('validationDate', 4)], [f('assessment', 12)]] },
    { id: 'answers', rows: [[f('answers', 12)]] },
    // A visitor's proposal (issue 14): who proposed it, for the editors only. The status token's
    // hash is not shown at all.
    { id: 'submission', rows: [[f('publicSubmission', 4), f('submissionReference', 4)], [f('submitterName', 6), f('submitterEmail', 6)]] },
  ],
  list: ['title', 'country', 'validationStatus', 'publicSubmission', 'updatedAt'],
  mainField: 'title',
  relationMainFields: { integrationAreas: 'name', targetGroups: 'name' },
};

const tool: AdminTypePresentation = {
  fields: {
    name: { label: 'Name', description: 'The name of the tool as visitors will read it.' },
    slug: { label: 'Web address (slug)', description: 'The last part of the tool’s web address. It follows the name on a new tool.' },
    kind: { label: 'Kind of tool', description: 'Portal, guide, report… Shared by every language.' },
    description: { label: 'Description', description: 'What the tool offers and to whom.' },
    url: { label: 'Link', description: 'Where to find the tool, starting with https://. Or upload a file below.' },
    file: { label: 'File', description: 'A document to download, if the tool is a file rather than a link.' },
  },
  groups: [{ id: 'about', rows: [[f('name', 6), f('slug', 6)], [f('kind', 6), f('url', 6)], [f('description', 12)], [f('file', 6)]] }],
  list: ['name', 'kind', 'updatedAt'],
  mainField: 'name',
};

const term = (what: string): AdminTypePresentation => ({
  fields: {
    name: { label: 'Name', description: `The name of the ${what} as visitors read it, in this language.` },
    key: { label: 'Identifier', description: 'A fixed identifier used in the site’s filters and addresses. Do not change it once in use.' },
  },
  groups: [{ id: 'about', rows: [[f('name', 6), f('key', 6)]] }],
  list: ['name', 'key'],
  mainField: 'name',
});

const criteriaGroup: AdminTypePresentation = {
  fields: {
    title: { label: 'Title', description: 'The name of the criteria group, in this language.' },
    description: { label: 'Description', description: 'What this group of criteria is about.' },
    order: { label: 'Position', description: 'Its place among the groups (1 comes first).' },
    key: { label: 'Identifier', description: 'A fixed identifier used by the assessments. Never change it.' },
    questions: { label: 'Questions', description: 'The questions of this group.' },
  },
  groups: [{ id: 'about', rows: [[f('title', 6), f('order', 4)], [f('description', 6), f('key', 6)], [f('questions', 6)]] }],
  list: ['title', 'order'],
  mainField: 'title',
  relationMainFields: { questions: 'text' },
};

const question: AdminTypePresentation = {
  fields: {
    text: { label: 'Question', description: 'The question as practices answer it, in this language.' },
    group: { label: 'Criteria group', description: 'The group this question belongs to.' },
    order: { label: 'Position', description: 'Its place in the group (1 comes first).' },
    key: { label: 'Identifier', description: 'A fixed identifier used by the answers. Never change it.' },
    checklistItems: { label: 'Checklist items', description: 'The checklist items that assess this question.' },
  },
  groups: [{ id: 'about', rows: [[f('text', 6), f('group', 6)], [f('order', 4), f('key', 6)], [f('checklistItems', 6)]] }],
  list: ['text', 'order'],
  mainField: 'text',
  relationMainFields: { group: 'title', checklistItems: 'text' },
};

const checklistItem: AdminTypePresentation = {
  fields: {
    text: { label: 'Checklist item', description: 'What a practice meets or not, in this language.' },
    question: { label: 'Question', description: 'The question this item assesses.' },
    order: { label: 'Position', description: 'Its place in the question’s checklist (1 comes first).' },
    retired: { label: 'Retired', description: 'No longer asked of new assessments; existing assessments keep their value.' },
    key: { label: 'Identifier', description: 'A fixed identifier used by the assessments. Never change it.' },
  },
  groups: [{ id: 'about', rows: [[f('text', 6), f('question', 6)], [f('order', 4), f('retired', 4)], [f('key', 6)]] }],
  list: ['text', 'order', 'retired'],
  mainField: 'text',
  relationMainFields: { question: 'text' },
};

const site: AdminTypePresentation = {
  fields: {
    siteName: { label: 'Site name', description: 'Shown at the top of every page and in the browser tab.' },
    tagline: { label: 'Tagline', description: 'A short line under the site name.' },
    logo: { label: 'Logo', description: 'Shown before the site name at the top of every page (the name is read out, so the logo needs no description). A language without its own logo shows the default language’s.' },
    intro: { label: 'Home page introduction', description: 'The text that opens the home page.' },
    about: { label: 'About page', description: 'The text of the “About” page.' },
    partners: { label: 'Partners', description: 'The organisations behind the database.' },
    privacy: { label: 'Privacy notice', description: 'The text of the privacy page.' },
    consortium: { label: 'Consortium', description: 'The consortium line in the footer.' },
    fundingDisclaimer: { label: 'Funding disclaimer', description: 'The funder’s disclaimer in the footer.' },
    contactEmail: { label: 'Contact e-mail', description: 'The address visitors can write to.' },
    privacyPolicyUrl: { label: 'Privacy policy link', description: 'A link to a privacy policy kept elsewhere, starting with https://.' },
    labels: { label: 'Interface texts', description: 'The site’s buttons, headings and messages in this language. Leave a text out to use the default.' },
    dataLicence: { label: 'Data licence', description: 'The licence under which visitors may reuse the open data (CSV, JSON), e.g. CC BY 4.0.' },
    dataLicenceUrl: { label: 'Data licence link', description: 'The licence’s web address, starting with https://.' },
  },
  groups: [
    { id: 'about', rows: [[f('siteName', 6), f('tagline', 6)], [f('logo', 6)], [f('intro', 12)], [f('about', 12)], [f('partners', 12)], [f('privacy', 12)]] },
    { id: 'footer', rows: [[f('consortium', 6), f('fundingDisclaimer', 6)], [f('contactEmail', 6), f('privacyPolicyUrl', 6)], [f('dataLicence', 6), f('dataLicenceUrl', 6)], [f('labels', 12)]] },
  ],
  list: ['siteName'],
  mainField: 'siteName',
};

export const adminPresentation: Record<PluginContentTypeUid, AdminTypePresentation> = {
  [uids.practice]: practice,
  [uids.tool]: tool,
  [uids.integrationArea]: term('integration area'),
  [uids.targetGroup]: term('target group'),
  [uids.criteriaGroup]: criteriaGroup,
  [uids.question]: question,
  [uids.checklistItem]: checklistItem,
  [uids.site]: site,
};

/** The short name of a plugin UID (`plugin::good-practices.practice` → `practice`): prefix of its translation keys. */
export function typeKey(uid: string): string {
  return uid.slice(uid.lastIndexOf('.') + 1);
}
