/**
 * Public submissions ("propose a practice"): validate with the practice rules, create a draft
 * practice in the submission's locale with the status Submitted, marked as a public submission,
 * with the contact in private fields; answer status lookups by token. Nothing here publishes: a
 * submission reaches visitors only when an editor publishes it.
 */
import type { Core } from '@strapi/strapi';
import type { SubmissionState } from '../../../contract/submissions';
import { uids } from '../plugin-id';
import { notifyEditors } from '../submissions/notify-editors';
import { plainTextAsMarkdown } from '../submissions/plain-text-markdown';
import { freeSlug } from '../submissions/submission-slug';
import { hashStatusToken, newReference, newStatusToken } from '../submissions/tokens';
import { type SubmissionProblem, validateSubmission } from '../submissions/validate-submission';

export type SubmitOutcome =
  | { ok: true; reference: string; statusToken: string; locale: string; documentId: string }
  | { ok: false; problems: SubmissionProblem[] };

interface StatusRow {
  documentId: string;
  locale: string;
  submissionReference: string | null;
  validationStatus: string | null;
  publishedAt: string | null;
}

export function createSubmissionService({ strapi }: { strapi: Core.Strapi }) {
  return {
    async submit(input: unknown): Promise<SubmitOutcome> {
      const verdict = await validateSubmission(strapi, input);
      if (!verdict.ok) return verdict;
      const { submission } = verdict;
      const reference = newReference();
      const statusToken = newStatusToken();
      const created = (await strapi.documents(uids.practice).create({
        locale: submission.locale,
        status: 'draft',
        data: {
          title: submission.title,
          slug: await freeSlug(strapi, submission.title, submission.locale, reference),
          summary: submission.summary,
          organisation: submission.organisation,
          country: submission.country,
          website: submission.website,
          validationStatus: 'submitted',
          assessment: submission.assessment,
          answers: submission.answers.map((answer) => ({ questionKey: answer.questionKey, body: plainTextAsMarkdown(answer.body), tools: [] })),
          publicSubmission: true,
          submissionReference: reference,
          submitterName: submission.contactName,
          submitterEmail: submission.contactEmail,
          statusTokenHash: hashStatusToken(statusToken),
        } as never,
      })) as { documentId: string };
      notifyEditors(strapi, { reference, title: submission.title, locale: submission.locale, documentId: created.documentId });
      return { ok: true, reference, statusToken, locale: submission.locale, documentId: created.documentId };
    },

    /** The state of the submission with this token, or null (unknown token, or deleted). */
    async status(token: string): Promise<{ reference: string; locale: string; state: SubmissionState } | null> {
      const rows = (await strapi.db.query(uids.practice).findMany({
        where: { statusTokenHash: hashStatusToken(token), publicSubmission: true },
        select: ['documentId', 'locale', 'submissionReference', 'validationStatus', 'publishedAt'],
      })) as StatusRow[];
      const draft = rows.find((row) => row.publishedAt === null) ?? rows[0];
      if (!draft?.submissionReference) return null;
      // Published in any language: the token's row and its document's other versions.
      const published = (await strapi.db.query(uids.practice).count({ where: { documentId: draft.documentId, publishedAt: { $notNull: true } } })) > 0;
      const workflow = draft.validationStatus === 'in-review' || draft.validationStatus === 'validated' ? draft.validationStatus : 'submitted';
      return { reference: draft.submissionReference, locale: draft.locale, state: published ? 'published' : workflow };
    },
  };
}

export type SubmissionService = ReturnType<typeof createSubmissionService>;
