import { createPublicControllers } from './public-controllers';

export default {
  'public-api': createPublicControllers,
};
