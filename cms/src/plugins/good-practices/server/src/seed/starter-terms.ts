/**
 * Starter taxonomy of integration areas and target groups (English names, stable keys). Editors
 * translate the names and may add or remove terms in the admin; see taxonomy-seed.ts.
 */
export interface StarterTerm {
  key: string;
  name: string;
}

export const starterIntegrationAreas: readonly StarterTerm[] = [
  { key: 'education-and-training', name: 'Education and training' },
  { key: 'employment', name: 'Employment' },
  { key: 'housing', name: 'Housing' },
  { key: 'health', name: 'Health' },
  { key: 'language-learning', name: 'Language learning' },
  { key: 'social-inclusion', name: 'Social inclusion' },
  { key: 'recognition-of-qualifications', name: 'Recognition of qualifications' },
  { key: 'digital-skills', name: 'Digital skills' },
];

export const starterTargetGroups: readonly StarterTerm[] = [
  { key: 'migrants', name: 'Migrants' },
  { key: 'refugees', name: 'Refugees' },
  { key: 'asylum-seekers', name: 'Asylum seekers' },
  { key: 'children', name: 'Children' },
  { key: 'students', name: 'Students' },
  { key: 'women', name: 'Women' },
  { key: 'employers', name: 'Employers' },
  { key: 'professionals', name: 'Professionals' },
];

/** Language of the starter names. */
export const STARTER_TERMS_LOCALE = 'en';
