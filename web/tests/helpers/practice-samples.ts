/**
 * Input data for the unit tests of the static list query (tests/unit/static-query.test.ts):
 * 27 English practice details over the plugin's SPRING framework, with varied countries, terms,
 * dates and checklist states, each validated against the contract. Only data, no server: the
 * integration tests run against the real CMS (tests/integration/site.test.ts), which also checks
 * that the static list query answers like the CMS on the demo content.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { practiceDetail, type AssessedGroup, type ChecklistState, type PracticeDetail } from 'strapi-plugin-good-practices/contract';

const springPath = fileURLToPath(new URL('../../../cms/src/plugins/good-practices/server/src/framework/spring-framework.json', import.meta.url));

interface SpringFramework {
  groups: { key: string; order: number; title: string; questions: { key: string; order: number; text: string; items: { key: string; order: number; text: string }[] }[] }[];
}

const STATES: ChecklistState[] = ['met', 'met', 'not-met', 'not-assessed'];
const COUNTRIES = ['NL', 'CZ', 'DE', 'IT', 'GR', 'ES'];
const AREAS = [
  { key: 'education', name: 'Education', locale: 'en' },
  { key: 'employment', name: 'Employment', locale: 'en' },
  { key: 'language', name: 'Language learning', locale: 'en' },
];
const TARGET_GROUPS = [
  { key: 'refugees', name: 'Refugees', locale: 'en' },
  { key: 'women', name: 'Women', locale: 'en' },
  { key: 'young-people', name: 'Young people', locale: 'en' },
];

/**
 * Practice 0 is "MigraCode" (NL); practice 1, "Czech qualification recognition portal" (CZ), is
 * the only one meeting every item of every group; the others are "Practice number {i}".
 */
export function samplePractices(): PracticeDetail[] {
  const spring = JSON.parse(readFileSync(springPath, 'utf8')) as SpringFramework;
  const practices: PracticeDetail[] = [];
  for (let index = 0; index < 27; index++) {
    const [slug, title, country] =
      index === 0
        ? ['migracode', 'MigraCode', 'NL']
        : index === 1
          ? ['czech-qualification-recognition-portal', 'Czech qualification recognition portal', 'CZ']
          : [`practice-${index}`, `Practice number ${index}`, COUNTRIES[index % COUNTRIES.length]!];
    const allMet = index === 1;
    const groups: AssessedGroup[] = spring.groups.map((g, gi) => {
      const questions = g.questions.map((q, qi) => ({
        key: q.key,
        order: q.order,
        text: q.text,
        answer: gi === 1 && qi === 2 ? null : { body: `The practice answers **${q.key}**.`, locale: 'en', tools: [] },
        items: q.items.map((item, ii) => ({
          key: item.key,
          order: item.order,
          text: item.text,
          state: allMet || gi === 4 ? ('met' as const) : STATES[(ii + qi + gi + index) % STATES.length]!,
        })),
      }));
      const states = questions.flatMap((q) => q.items.map((i) => i.state));
      const score = {
        groupKey: g.key,
        met: states.filter((s) => s === 'met').length,
        notMet: states.filter((s) => s === 'not-met').length,
        notAssessed: states.filter((s) => s === 'not-assessed').length,
        total: states.length,
      };
      return { key: g.key, order: g.order, title: g.title, description: null, score, questions };
    });
    const day = String((index % 27) + 1).padStart(2, '0');
    practices.push(
      practiceDetail.parse({
        documentId: `doc-${index}`,
        slug,
        locale: 'en',
        title,
        summary: `${title}: a summary of the practice.`,
        country,
        projectStart: `2019-03-${day}`,
        projectEnd: index % 3 === 0 ? null : `2023-06-${day}`,
        validationDate: index % 4 === 0 ? null : `2024-01-${day}`,
        integrationAreas: [AREAS[index % 3]!],
        targetGroups: [TARGET_GROUPS[index % 3]!],
        coverImage: null,
        featured: false,
        scores: groups.map((g) => g.score),
        updatedAt: `2025-05-${day}T10:00:00.000Z`,
        publishedAt: `2025-05-${day}T10:00:00.000Z`,
        validationStatus: 'validated',
        contactDetails: null,
        organisation: null,
        website: null,
        funding: null,
        objectives: null,
        inspiration: null,
        fieldLocales: {},
        groups,
        locales: [{ locale: 'en', slug }],
      }),
    );
  }
  return practices;
}
