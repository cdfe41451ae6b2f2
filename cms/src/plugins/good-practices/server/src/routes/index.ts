import adminFramework from './admin';
import adminTranslation from './admin-translation';
import contentApi from './content-api';
import preview from './preview';

export default {
  'content-api': contentApi,
  preview,
  'admin-translation': adminTranslation,
  'admin-framework': adminFramework,
};
