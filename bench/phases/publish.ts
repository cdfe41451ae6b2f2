/** The publish-to-visible phase: a change published in the CMS, polled on the on-request page until it shows. */
import { randomBytes } from 'node:crypto';
import { note } from '../../scripts/lib/progress.ts';
import type { BenchOptions } from '../command-line.ts';
import type { PracticeTarget } from '../generate.ts';
import type { CmsWorker } from '../lib/cms.ts';
import type { PublishTiming } from '../cms-worker.ts';
import type { FigureSet } from '../lib/figures.ts';
import { waitForIdle } from '../lib/proc.ts';
import { fetchPage } from '../lib/site.ts';
import { median } from '../lib/stats.ts';
import type { Details } from './details.ts';

/**
 * One change seen by visitors: the page is put in the route cache of every site (as it would be
 * for visitors), the practice's summary is published with a unique marker (the webhook sent by
 * the bench to `webhookUrl`, or by the plugin when it notifies the site itself: null), and each
 * site's page is polled every 20 ms until it shows the marker. Milliseconds from the publish to
 * each site showing it, in the order of `siteUrls`.
 */
export async function publishAndWatch(
  cms: CmsWorker,
  target: PracticeTarget,
  siteUrls: readonly string[],
  webhook: { url: string; secret: string } | null,
  label: string,
): Promise<{ timing: PublishTiming; visibleMs: number[]; polls: number[] }> {
  const pagePath = `/${target.locale}/practices/${target.slug}/`;
  for (const siteUrl of siteUrls) {
    await fetchPage(`${siteUrl}${pagePath}`);
    const cached = await fetchPage(`${siteUrl}${pagePath}`);
    if (cached.status !== 200) throw new Error(`${label}: GET ${siteUrl}${pagePath}: HTTP ${cached.status}`);
  }
  const marker = `bench-marker-${randomBytes(6).toString('hex')}`;
  const started = performance.now();
  const timing = await cms.publish({ documentId: target.documentId, locale: target.locale, slug: target.slug, summary: `Changed by the benchmark (${marker}).`, webhook });
  if (timing.webhookStatus !== null && timing.webhookStatus !== 200) throw new Error(`the revalidation webhook answered HTTP ${timing.webhookStatus}`);
  const polls = siteUrls.map(() => 0);
  const visibleMs = await Promise.all(
    siteUrls.map(async (siteUrl, index) => {
      for (;;) {
        polls[index]! += 1;
        const page = await fetchPage(`${siteUrl}${pagePath}`);
        if (page.body.includes(marker)) return performance.now() - started;
        if (performance.now() - started > 30_000) throw new Error(`${label}: ${siteUrl}${pagePath} did not show the change within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }),
  );
  return { timing, visibleMs, polls };
}

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
    await waitForIdle([site.pid, cms.pid]);
    const watched = await publishAndWatch(cms, target, [site.url], notifier ? null : { url: `${site.url}/api/revalidate`, secret }, 'publish to visible');
    const { timing } = watched;
    const visibleMs = watched.visibleMs[0]!;
    const polls = watched.polls[0]!;
    samples.push({ visibleMs, ...timing, polls });
    note(`publish ${rep + 1}/${options.publishReps}: visible after ${visibleMs.toFixed(0)} ms (update ${timing.updateMs.toFixed(0)} ms, publish ${timing.publishMs.toFixed(0)} ms, webhook ${timing.webhookMs.toFixed(0)} ms, ${polls} polls)`);
  }
  const section = 'Publish to visible';
  figures.add(section, 'publish.visibleMs', 'Publish to visible on the on-request site (median)', median(samples.map((s) => s.visibleMs)), 'ms', `${samples.length} changes; ${notifier ? 'the plugin notified the site (SITE_REVALIDATE_URL)' : 'the bench sent the signed webhook after publishing, as the CMS would'}`);
  figures.add(section, 'publish.maxMs', 'Publish to visible, slowest', Math.max(...samples.map((s) => s.visibleMs)), 'ms');
  figures.add(section, 'publish.writeMs', 'of which Document Service update + publish (median)', median(samples.map((s) => s.updateMs + s.publishMs)), 'ms');
  details.publish = { samples, notifier: notifier ? 'plugin' : 'bench' };
}
