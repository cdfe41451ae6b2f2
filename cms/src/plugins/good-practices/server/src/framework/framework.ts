/**
 * The SPRING good-practice criteria framework: groups (criteria), their
 * questions and each question's checklist items, in page order.
 *
 * The data lives in spring-framework.json so that seeding and import read the
 * same source; it is validated here once so that a bad edit to the JSON fails
 * at load time instead of producing half-seeded content.
 */
import { z } from 'zod';
import data from './spring-framework.json';

export { normaliseText, tokenise, tokenJaccard } from './normalise-text';

const KEBAB = '[a-z0-9]+(?:-[a-z0-9]+)*';
const GROUP_KEY = new RegExp(`^${KEBAB}$`);
const QUESTION_KEY = new RegExp(`^${KEBAB}\\.${KEBAB}$`);
const ITEM_KEY = new RegExp(`^${KEBAB}\\.${KEBAB}\\.[1-9][0-9]*$`);

const order = z.number().int().positive();
const text = z.string().trim().min(1);

export const checklistItemSchema = z.object({
  key: z.string().regex(ITEM_KEY, 'item key must be <question key>.<n>'),
  order,
  text,
});

export const questionSchema = z.object({
  key: z.string().regex(QUESTION_KEY, 'question key must be <group>.<slug>'),
  order,
  text,
  items: z.array(checklistItemSchema).min(1),
});

export const groupSchema = z.object({
  key: z.string().regex(GROUP_KEY, 'group key must be kebab-case'),
  order,
  title: text,
  questions: z.array(questionSchema).min(1),
});

/** Orders must run 1..n in array order so that array order and `order` never disagree. */
function checkOrders(entries: readonly { order: number; key: string }[], where: string, ctx: z.RefinementCtx): void {
  entries.forEach((entry, index) => {
    if (entry.order !== index + 1) {
      ctx.addIssue({ code: 'custom', message: `${where}: ${entry.key} has order ${entry.order}, expected ${index + 1}` });
    }
  });
}

export const frameworkSchema = z
  .object({
    version: z.number().int().positive(),
    sourceLocale: z.string().min(2),
    groups: z.array(groupSchema).min(1),
  })
  .superRefine((framework, ctx) => {
    const seen = new Set<string>();
    const unique = (key: string): void => {
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `duplicate key ${key}` });
      seen.add(key);
    };
    checkOrders(framework.groups, 'groups', ctx);
    for (const group of framework.groups) {
      unique(group.key);
      checkOrders(group.questions, `group ${group.key}`, ctx);
      for (const question of group.questions) {
        unique(question.key);
        if (!question.key.startsWith(`${group.key}.`)) {
          ctx.addIssue({ code: 'custom', message: `question ${question.key} is not prefixed by its group ${group.key}` });
        }
        checkOrders(question.items, `question ${question.key}`, ctx);
        question.items.forEach((item) => {
          unique(item.key);
          // Item keys are positional (<question>.<order>) so that seeds stay stable and readable.
          if (item.key !== `${question.key}.${item.order}`) {
            ctx.addIssue({ code: 'custom', message: `item ${item.key} should be ${question.key}.${item.order}` });
          }
        });
      }
    }
  });

export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkGroup = z.infer<typeof groupSchema>;
export type FrameworkQuestion = z.infer<typeof questionSchema>;
export type FrameworkChecklistItem = z.infer<typeof checklistItemSchema>;

/** Validates framework data from any source (JSON file, API payload). Throws a ZodError when invalid. */
export function loadFramework(raw: unknown): Framework {
  return frameworkSchema.parse(raw);
}

/** The SPRING framework shipped with the plugin, validated at module load. */
export const springFramework: Framework = loadFramework(data);
