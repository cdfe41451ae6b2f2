import adminFramework from './admin';
import adminTranslation from './admin-translation';
import contentApi from './content-api';
import preview from './preview';
import submissions from './submissions';

export default {
  'content-api': contentApi,
  preview,
  submissions,
  'admin-translation': adminTranslation,
  'admin-framework': adminFramework,
};
