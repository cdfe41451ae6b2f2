/**
 * The plugin's services, reachable as strapi.plugin('good-practices').service(name); use
 * getService() (service-access.ts) for a typed handle.
 */
import { createDeploymentService } from './deployment-service';
import { createFrameworkService } from './framework-service';
import { createImportService } from './import-service';
import { createInsightsService } from './insights-service';
import { createLocaleService } from './locale-service';
import { createPracticeService } from './practice-service';
import { createPreviewLinkService } from './preview-link-service';
import { createPreviewService } from './preview-service';
import { createSiteService } from './site-service';
import { createSubmissionService } from './submission-service';
import { createTaxonomyService } from './taxonomy-service';
import { createToolService } from './tool-service';
import { createTranslationService } from './translation-service';
import { createUnknownKeysReport } from './unknown-keys-service';

const services = {
  locale: createLocaleService,
  framework: createFrameworkService,
  practice: createPracticeService,
  insights: createInsightsService,
  tool: createToolService,
  taxonomy: createTaxonomyService,
  site: createSiteService,
  'unknown-keys': createUnknownKeysReport,
  import: createImportService,
  preview: createPreviewService,
  'preview-link': createPreviewLinkService,
  translation: createTranslationService,
  deployment: createDeploymentService,
  submission: createSubmissionService,
};

export type ServiceName = keyof typeof services;
export type ServiceOf<Name extends ServiceName> = ReturnType<(typeof services)[Name]>;

export default services;
