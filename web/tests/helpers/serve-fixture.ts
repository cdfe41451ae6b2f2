/**
 * Development aid: serves the fixture CMS on a port (default 1337) until killed.
 *   node web/tests/helpers/serve-fixture.ts 1339
 */
import { startFixtureCms } from './fixture-cms.ts';

const port = Number(process.argv[2] ?? 1337);
const cms = await startFixtureCms(port);
console.log(`fixture CMS on ${cms.url}`);
