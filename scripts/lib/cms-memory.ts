/**
 * The V8 heap limits the CMS runs with, wherever it is started (`npm start`, the benchmark's CMS
 * process; cms/Dockerfile sets the same through NODE_OPTIONS). Why: without a limit V8 sizes its
 * heap from the machine (several GB here) and grows it under load rather than collecting, and
 * keeps what it grew: at 2,000 practices × 5 locales the CMS stayed near 1 GB after the read
 * loads (issue 17.6). With the old space capped it collects sooner and keeps less, at the same
 * throughput: measured on that database (a CMS process of its own, after 40,000 practice and
 * list reads and the static build's bulk reads), 320 MB gave about 530 MB resident and 512 MB
 * about 620 MB. The default is 512: in the benchmark's CMS, which also generated the 12,000
 * versions in the same process, the live heap passed 310 MB and a 320 MB cap ended it with "heap
 * out of memory" — a cap must leave room for what a process has been through, not only for its
 * steady state. The young generation is capped too: V8 otherwise gives it 128 MB on a machine
 * this size.
 *
 * CMS_HEAP_MB raises the cap for a larger database (the live heap grows with the practices and
 * locales the read caches hold); too low a cap makes the CMS fail with "heap out of memory".
 */
export const DEFAULT_CMS_HEAP_MB = 512;
export const CMS_YOUNG_GENERATION_MB = 16;

export function cmsHeapMb(env: NodeJS.ProcessEnv): number {
  const raw = env.CMS_HEAP_MB?.trim();
  if (!raw) return DEFAULT_CMS_HEAP_MB;
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 128) throw new Error(`CMS_HEAP_MB must be a whole number of megabytes, 128 or more (got ${JSON.stringify(env.CMS_HEAP_MB)})`);
  return mb;
}

/** Node flags of the CMS process. */
export function cmsNodeFlags(env: NodeJS.ProcessEnv): string[] {
  return [`--max-old-space-size=${cmsHeapMb(env)}`, `--max-semi-space-size=${CMS_YOUNG_GENERATION_MB}`];
}

/** `env` with the CMS's flags added to NODE_OPTIONS (after any the user set, so theirs win). */
export function withCmsNodeOptions(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: [...cmsNodeFlags(env), env.NODE_OPTIONS?.trim()].filter(Boolean).join(' ') };
}
