/**
 * The V8 heap limits the CMS runs with, wherever it is started (`npm start`, the benchmark's CMS
 * process; cms/Dockerfile sets the same through NODE_OPTIONS). Why: without a limit V8 sizes its
 * heap from the machine (several GB here) and grows it under load rather than collecting, and
 * keeps what it grew: at 2,000 practices × 5 locales the CMS stayed near 1 GB after the read
 * loads while it uses under 250 MB (issue 17.6). With the old space capped it collects sooner
 * and stays near 500 MB, at the same throughput (measured: bench/reports). The young generation
 * is capped too: V8 otherwise gives it 128 MB on a machine this size.
 *
 * CMS_HEAP_MB raises the cap for a larger database (the live heap grows with the practices and
 * locales the read caches hold); too low a cap makes the CMS fail with "heap out of memory".
 */
export const DEFAULT_CMS_HEAP_MB = 320;
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
