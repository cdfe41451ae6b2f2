/**
 * "Would this save be refused?" for the practice edit view: runs the same checks as the
 * document-service guard (invariants/practice-check.ts) on the form's current values, writes
 * nothing, and answers with one plain-language message per problem and field. The edit view asks
 * while the editor types, so that a refused save (which Strapi's content manager answers by
 * throwing away the editor's unsaved edits) practically never happens.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { requestAdmin } from '../access/request-admin';
import { isTranslatorOnly, sharedValueProblems } from '../access/translator-guard';
import { FALLBACK_TEXT_FIELDS } from '../domain/text-fallback';
import { checkPracticeWrite } from '../invariants/practice-check';
import { uids } from '../plugin-id';
import { SUPER_ADMIN_CODE } from '../access/role-codes';
import { practiceTranslationGaps } from '../translation/practice-gaps';
import type { PracticeCheckResponse } from '../../../contract/admin-api';
import { adminPresentation } from '../../../contract/admin-fields';

/** The fields the practice rules read; anything else in the form (relations…) is ignored. */
const checkedValues = z
  .object({
    title: z.unknown(),
    slug: z.unknown(),
    country: z.unknown(),
    website: z.unknown(),
    projectStart: z.unknown(),
    projectEnd: z.unknown(),
    validationStatus: z.unknown(),
    validationDate: z.unknown(),
    assessment: z.unknown(),
    answers: z.unknown(),
    coverImage: z.unknown(),
  })
  .partial();

/** The texts a translation may lack (compared with the default locale's, see translation/practice-gaps.ts). */
const textValues = z.object(Object.fromEntries(FALLBACK_TEXT_FIELDS.map((field) => [field, z.string().nullable().optional().catch(undefined)])));

const checkRequest = z.object({
  /** Absent for a practice not saved yet. */
  documentId: z.string().min(1).optional(),
  locale: z.string().min(1).optional(),
  data: z.record(z.string(), z.unknown()),
});

const isEmpty = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Every required field of the practice schema left empty, by its plain label. Strapi saves a draft
 * without them but refuses to publish it, so the check names them all before the editor reaches
 * the Publish button. A new practice's slug is not one of them: it follows the title.
 */
function missingRequired(strapi: Core.Strapi, data: Record<string, unknown>, creating: boolean): PracticeCheckResponse['data']['problems'] {
  const attributes = strapi.contentType(uids.practice).attributes as Record<string, { required?: boolean }>;
  const labels = adminPresentation[uids.practice].fields;
  return Object.entries(attributes)
    .filter(([name, attribute]) => attribute.required === true && !(creating && name === 'slug'))
    // On an update an absent value is "not written" (the stored one stays), as in a real save.
    .filter(([name]) => (creating || data[name] !== undefined) && isEmpty(data[name]))
    .map(([name]) => ({ field: name, message: `“${labels[name]?.label ?? name}” is required: a practice cannot be published without it.` }));
}

export function createAdminPracticeCheckController({ strapi }: { strapi: Core.Strapi }) {
  return {
    async check(ctx) {
      const request = checkRequest.safeParse(ctx.request.body);
      if (!request.success) {
        throw new errors.ValidationError('Send { documentId?, locale?, data } with the values of the practice form.');
      }
      const { documentId, locale, data } = request.data;
      // Only the values the rules read; undefined ones are "not written", as in a real save.
      const values = Object.fromEntries(Object.entries(checkedValues.parse(data)).filter(([, value]) => value !== undefined));
      const verdict = await checkPracticeWrite(strapi, { action: documentId ? 'update' : 'create', documentId, locale, data: values });
      // A translator's save is also refused when it changes a shared value (access/translator-guard.ts).
      const admin = requestAdmin(strapi);
      const translator = admin !== undefined && !admin.roleCodes.includes(SUPER_ADMIN_CODE) && isTranslatorOnly(admin);
      // The terms are shared too: checked for translators only (the practice rules ignore them).
      const terms = Object.fromEntries(['integrationAreas', 'targetGroups'].filter((name) => data[name] !== undefined).map((name) => [name, data[name]]));
      const shared = translator ? await sharedValueProblems(strapi, uids.practice, documentId, { ...values, ...terms }) : [];
      // Not a problem (a partial translation may be published): what visitors will read in another language.
      const texts = Object.fromEntries(Object.entries(textValues.parse(data)).filter(([, value]) => value !== undefined));
      const translation = await practiceTranslationGaps(strapi, { documentId, locale: verdict.locale, values: { ...texts, ...(values.answers !== undefined ? { answers: values.answers } : {}) } });
      const body: PracticeCheckResponse = { data: { problems: [...missingRequired(strapi, data, documentId === undefined), ...verdict.problems, ...shared], locale: verdict.locale, translation } };
      ctx.body = body;
    },
  } satisfies Core.Controller;
}
