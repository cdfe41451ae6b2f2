/**
 * A vitest reporter that appends each test file's wall time, with its project, to the file
 * named by GP_FILE_TIMES (one JSON line per file, written as each file ends so that a run that
 * dies still leaves what it measured). `npm test` passes it and prints the slowest files.
 */
import { appendFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import type { FileTime } from './test-file-times.ts';

export default class FileTimesReporter implements Reporter {
  private readonly target = process.env.GP_FILE_TIMES;

  onTestModuleEnd(testModule: TestModule): void {
    if (!this.target) return;
    const diagnostic = testModule.diagnostic();
    const time: FileTime = {
      project: testModule.project.name || '(root)',
      file: testModule.moduleId,
      // Collection (imports, top-level awaits) counts: a file's beforeAll boot shows under duration.
      durationMs: Math.round(
        diagnostic.environmentSetupDuration + diagnostic.prepareDuration + diagnostic.collectDuration + diagnostic.setupDuration + diagnostic.duration,
      ),
    };
    appendFileSync(this.target, `${JSON.stringify(time)}\n`);
  }
}
