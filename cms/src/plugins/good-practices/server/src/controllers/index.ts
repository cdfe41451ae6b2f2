import type { Core } from '@strapi/strapi';
import { createAdminFrameworkController } from './admin-framework';
import { createAdminPracticeCheckController } from './admin-practice-check';
import { createAdminTranslationController } from './admin-translation';
import { createPreviewController } from './preview';
import { createPublicControllers } from './public-controllers';
import { createSubmissionsController } from './submissions';
import { submissionSettings } from '../submissions/settings';

export default {
  'public-api': createPublicControllers,
  preview: createPreviewController,
  'admin-translation': createAdminTranslationController,
  'admin-framework': createAdminFrameworkController,
  'admin-practice-check': createAdminPracticeCheckController,
  // Settings read at each boot (the environment of this Strapi, checked at register).
  submissions: ({ strapi }: { strapi: Core.Strapi }) => createSubmissionsController(submissionSettings())({ strapi }),
};
