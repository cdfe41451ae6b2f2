/**
 * Demo content of `npm start`: runs the CMS's seed script (Strapi booted in-process on the
 * configured database) in a child process, so its Strapi is gone before the server starts.
 */
import path from 'node:path';
import { CMS_DIR } from './paths.ts';
import { mustRunNode } from './processes.ts';

export function seedDemoContent(env: NodeJS.ProcessEnv): Promise<void> {
  return mustRunNode(path.join(CMS_DIR, 'scripts', 'seed-demo.ts'), [], { cwd: CMS_DIR, env });
}
