/**
 * Thin controller of the public submissions API (contract/submissions.ts). The body was read and
 * parsed by the intake middleware (submissions/intake-middleware.ts), which also applied the
 * rate limit and the size limit; here: the form-only guards (honeypot, minimum fill time), the
 * service, and the answer in the request's encoding — JSON for JSON, a 303 to the site for forms.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  readSubmissionForm,
  statusToken,
  submissionFormFields,
  type SubmissionCreatedResponse,
  type SubmissionErrorResponse,
  type SubmissionStatusResponse,
} from '../../../contract/submissions';
import { getDefaultLocaleCode, listConfiguredLocales } from '../locales/configured-locales';
import { getService } from '../services/service-access';
import type { SubmissionIntake } from '../submissions/intake-middleware';
import type { SubmissionSettings } from '../submissions/settings';
import { backToFormUrl, thanksUrl } from '../submissions/site-redirect';
import type { SubmissionProblem } from '../submissions/validate-submission';

function errorBody(problems: readonly SubmissionProblem[]): SubmissionErrorResponse {
  return {
    data: null,
    error: {
      status: 400,
      name: 'ValidationError',
      message: problems.length === 1 ? problems[0].message : `This submission cannot be accepted: ${problems.map((problem) => problem.message).join(' ')}`,
      details: { errors: problems.map((problem) => ({ path: [problem.field], code: problem.code, message: problem.message, name: 'ValidationError' as const })) },
    },
  };
}

export const statusPath = (locale: string, token: string) => `/${encodeURIComponent(locale)}/submit/status/${token}/`;

export function createSubmissionsController(settings: SubmissionSettings) {
  return ({ strapi }: { strapi: Core.Strapi }) => ({
    async create(ctx) {
      const intake = ctx.state.submission as SubmissionIntake | undefined;
      if (!intake) throw new errors.ValidationError('Send the submission as application/json or application/x-www-form-urlencoded.');
      const service = getService(strapi, 'submission');

      if (intake.encoding === 'json') {
        const outcome = await service.submit(intake.body);
        if (!outcome.ok) {
          ctx.status = 400;
          ctx.body = errorBody(outcome.problems);
          return;
        }
        const body: SubmissionCreatedResponse = {
          data: { reference: outcome.reference, statusToken: outcome.statusToken, locale: outcome.locale, statusPath: statusPath(outcome.locale, outcome.statusToken) },
        };
        ctx.status = 201;
        ctx.body = body;
        return;
      }

      // A form: the answer is a redirect to the configured site, or an error when there is none.
      const origin = settings.siteOrigin;
      if (!origin) throw new errors.ApplicationError('This CMS has no SITE_URL: form posts cannot be answered. Send JSON instead.');
      const form = intake.body;
      const typed = readSubmissionForm(form);
      const locales = await listConfiguredLocales(strapi);
      const locale = locales.some((entry) => entry.code === typed.locale) ? typed.locale : await getDefaultLocaleCode(strapi);
      ctx.status = 303;
      // Filled by a bot (people never see the field): answered as a success, nothing stored.
      if ((form.get(submissionFormFields.honeypot) ?? '') !== '') {
        ctx.redirect(thanksUrl(origin, locale));
        ctx.status = 303;
        return;
      }
      // Absent or not a time: as good as "just now" (a bot that drops the field gains nothing).
      const started = form.get(submissionFormFields.startedAt) ?? '';
      const startedAt = /^\d{1,15}$/.test(started) ? Number(started) : Date.now();
      if (Date.now() - startedAt < settings.minFillMs) {
        ctx.redirect(backToFormUrl(origin, locale, typed, [{ field: 'form', code: 'too-fast', message: 'The form was sent too quickly.' }]));
        ctx.status = 303;
        return;
      }
      const outcome = await service.submit(typed);
      ctx.redirect(outcome.ok ? thanksUrl(origin, locale, outcome.reference, outcome.statusToken) : backToFormUrl(origin, locale, typed, outcome.problems));
      ctx.status = 303;
    },

    async status(ctx) {
      const token = statusToken.safeParse(ctx.params.token);
      const found = token.success ? await getService(strapi, 'submission').status(token.data) : null;
      if (!found) throw new errors.NotFoundError('There is no submission with this status link.');
      const body: SubmissionStatusResponse = { data: found };
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Referrer-Policy', 'no-referrer');
      ctx.body = body;
    },
  }) satisfies Core.Controller;
}
