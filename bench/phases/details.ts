/** What a run keeps besides its figures: the `details` of the JSON file, filled by the phases. */
import type { IncrementalDetails } from './incremental-build.ts';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { LoadResult } from '../lib/load.ts';
import type { PageWeight } from '../lib/page-weight.ts';
import { profileMarkdown, readProfile, summariseProfile } from '../lib/profile.ts';
import type { ReplayResult, StaticBuildResult } from '../lib/static-build.ts';
import type { InstancesDetails } from './instances.ts';

export interface Details {
  generation: Record<string, unknown>;
  cmsReads: Record<string, { practice: LoadResult; list: LoadResult; listQueries: string[]; queries: { path: string; queries: number; status: number }[] }>;
  staticBuilds: StaticBuildResult[];
  replays: ReplayResult[];
  onRequest?: { practiceUrl: string; plain: LoadResult; cached: LoadResult; uncached: LoadResult; ratios: number[]; uncachedRatios: number[]; cacheHeaders: Record<string, string | null> };
  publish?: { samples: { visibleMs: number; updateMs: number; publishMs: number; webhookMs: number; webhookStatus: number | null; polls: number }[]; notifier: 'plugin' | 'bench' };
  pageWeight?: Record<string, PageWeight[]>;
  instances?: InstancesDetails;
  incremental?: IncrementalDetails;
  serverBuildSeconds?: number;
  /** Markdown summaries of the CPU profiles, by what was profiled. */
  profiles: Record<string, string>;
}

export function addProfiles(details: Details, dir: string, label: string): void {
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')) : [];
  for (const name of files) {
    const title = files.length > 1 ? `${label} (${name})` : label;
    details.profiles[title] = profileMarkdown(`${title}: ${path.basename(dir)}/${name}`, summariseProfile(readProfile(path.join(dir, name))));
  }
}
