/**
 * Runs the import command line (cms/scripts/import.ts) as a user does: a child process of the
 * current Node, started from the CMS folder with the fixtures' folder as the caller's directory
 * (INIT_CWD, what `npm run import` sets), its exit status and both outputs collected.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { CMS_DIR } from '../../../../../tests/harness/strapi';
import { FIXTURE_DIR } from '../unit/helpers/spring-fixtures';

export const IMPORT_SCRIPT = path.join(CMS_DIR, 'scripts', 'import.ts');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runImportCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [IMPORT_SCRIPT, ...args], {
      cwd: CMS_DIR,
      env: { ...process.env, INIT_CWD: FIXTURE_DIR, NODE_NO_WARNINGS: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
