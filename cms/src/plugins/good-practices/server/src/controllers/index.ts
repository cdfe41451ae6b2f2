import { createAdminFrameworkController } from './admin-framework';
import { createAdminPracticeCheckController } from './admin-practice-check';
import { createAdminTranslationController } from './admin-translation';
import { createPreviewController } from './preview';
import { createPublicControllers } from './public-controllers';

export default {
  'public-api': createPublicControllers,
  preview: createPreviewController,
  'admin-translation': createAdminTranslationController,
  'admin-framework': createAdminFrameworkController,
  'admin-practice-check': createAdminPracticeCheckController,
};
