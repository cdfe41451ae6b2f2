/** The publish-to-visible phase: a change published in the CMS, polled on the on-request page until it shows. */
import { randomBytes } from 'node:crypto';
import { note } from '../../scripts/lib/progress.ts';
import type { BenchOptions } from '../command-line.ts';
import type { PracticeTarget } from '../generate.ts';
import type { CmsWorker } from '../lib/cms.ts';
import type { FigureSet } from '../lib/figures.ts';
import { waitForIdle } from '../lib/proc.ts';
import { fetchPage } from '../lib/site.ts';
import { median } from '../lib/stats.ts';
import type { Details } from './details.ts';

export async function measurePublish(
  cms: CmsWorker,
  site: { url: string; pid: number },
  targets: PracticeTarget[],
  notifier: boolean,
  secret: string,
  options: BenchOptions,
  figures: FigureSet,
  details: Details,
): Promise<void> {
  const samples: NonNullable<Details['publish']>['samples'] = [];
  for (let rep = 0; rep < options.publishReps; rep += 1) {
    const target = targets[rep % targets.length]!;
    const pageUrl = `${site.url}/${target.locale}/practices/${target.slug}/`;
    await waitForIdle([site.pid, cms.pid]);
    // The page is in the route cache before the change, as it would be for visitors.
    await fetchPage(pageUrl);
    const cached = await fetchPage(pageUrl);
    if (cached.status !== 200) throw new Error(`publish to visible: GET ${pageUrl}: HTTP ${cached.status}`);
    const marker = `bench-marker-${randomBytes(6).toString('hex')}`;
    const started = performance.now();
    const timing = await cms.publish({
      documentId: target.documentId,
      locale: target.locale,
      slug: target.slug,
      summary: `Changed by the benchmark (${marker}).`,
      webhook: notifier ? null : { url: `${site.url}/api/revalidate`, secret },
    });
    if (timing.webhookStatus !== null && timing.webhookStatus !== 200) throw new Error(`the revalidation webhook answered HTTP ${timing.webhookStatus}`);
    let polls = 0;
    for (;;) {
      polls += 1;
      const page = await fetchPage(pageUrl);
      if (page.body.includes(marker)) break;
      if (performance.now() - started > 30_000) throw new Error(`publish to visible: ${pageUrl} did not show the change within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const visibleMs = performance.now() - started;
    samples.push({ visibleMs, ...timing, polls });
    note(`publish ${rep + 1}/${options.publishReps}: visible after ${visibleMs.toFixed(0)} ms (update ${timing.updateMs.toFixed(0)} ms, publish ${timing.publishMs.toFixed(0)} ms, webhook ${timing.webhookMs.toFixed(0)} ms, ${polls} polls)`);
  }
  const section = 'Publish to visible';
  figures.add(section, 'publish.visibleMs', 'Publish to visible on the on-request site (median)', median(samples.map((s) => s.visibleMs)), 'ms', `${samples.length} changes; ${notifier ? 'the plugin notified the site (SITE_REVALIDATE_URL)' : 'the bench sent the signed webhook after publishing, as the CMS would'}`);
  figures.add(section, 'publish.maxMs', 'Publish to visible, slowest', Math.max(...samples.map((s) => s.visibleMs)), 'ms');
  figures.add(section, 'publish.writeMs', 'of which Document Service update + publish (median)', median(samples.map((s) => s.updateMs + s.publishMs)), 'ms');
  details.publish = { samples, notifier: notifier ? 'plugin' : 'bench' };
}
