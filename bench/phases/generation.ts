/** The synthetic data phase: a sink for the CMS's notifications while it runs, and its figures. */
import { createServer } from 'node:http';
import type { CmsWorker } from '../lib/cms.ts';
import type { FigureSet } from '../lib/figures.ts';
import type { Details } from './details.ts';

/** Answers 200 to every request: where the CMS's notifications go while no site listens. */
export async function startSink(port: number): Promise<{ close(): Promise<void> }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.end('{"ok":true}'));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export function addGeneration(cms: CmsWorker, figures: FigureSet, details: Details, parallel: boolean): void {
  const db = cms.database;
  const g = cms.generation;
  const section = 'Synthetic data';
  const side = parallel ? ', while the other database was being filled' : '';
  figures.add(section, `data.${db}.practices`, `Practices generated (${db})`, g.practices, 'practices', `${g.locales.length} locales: ${g.locales.join(', ')}`);
  figures.add(section, `data.${db}.versions`, `Published practice versions (${db})`, g.practiceVersions, 'versions');
  figures.add(section, `data.${db}.practicesPerSecond`, `Insert throughput, practices with all their locales (${db})`, g.practicesPerSecond, 'practices/s', `concurrency ${g.concurrency}${side}`);
  figures.add(section, `data.${db}.versionsPerSecond`, `Insert throughput, published versions (${db})`, g.versionsPerSecond, 'versions/s', `each a Document Service create or update, then publish${side}`);
  figures.add(section, `data.${db}.versionsPerSecondFirstTenth`, `Insert throughput over the first tenth of the practices (${db})`, g.versionsPerSecondFirstTenth, 'versions/s');
  figures.add(section, `data.${db}.versionsPerSecondLastTenth`, `Insert throughput over the last tenth of the practices (${db})`, g.versionsPerSecondLastTenth, 'versions/s', 'lower than the first tenth = writes slow down as the tables grow');
  figures.add(section, `data.${db}.seconds`, `Generation time, everything (${db})`, g.totalSeconds, 's', `${g.tools} tools (${g.toolVersions} versions), framework/taxonomy/site translations`);
  figures.add(section, `data.${db}.bootSeconds`, `CMS boot on a fresh database (${db})`, cms.bootSeconds, 's');
  details.generation[db] = { ...g, targets: g.targets.length, databaseVersion: cms.databaseVersion };
}
