/**
 * The build steps shared by `npm start` and `npm test`, each skipped when its inputs are unchanged.
 */
import path from 'node:path';
import { buildUnlessFresh } from './freshness.ts';
import { bin, CMS_DIR, PLUGIN_DIR, ROOT, SITE_SERVER_ENTRY, WEB_DIR } from './paths.ts';
import { step } from './progress.ts';
import { mustRunNode } from './processes.ts';

const lockfile = path.join(ROOT, 'package-lock.json');
const pluginServerInputs = [
  path.join(PLUGIN_DIR, 'server'),
  path.join(PLUGIN_DIR, 'contract'),
  path.join(PLUGIN_DIR, 'tsconfig.server.json'),
  path.join(PLUGIN_DIR, 'package.json'),
  lockfile,
];
const cmsServerInputs = [path.join(CMS_DIR, 'src'), path.join(CMS_DIR, 'config'), path.join(CMS_DIR, 'tsconfig.json'), lockfile];

async function buildIfStale(name: string, title: string, inputs: string[], outputs: string[], build: () => Promise<void>, extra = ''): Promise<void> {
  const built = await buildUnlessFresh(name, inputs, outputs, () => step(title, build), extra);
  if (!built) process.stdout.write(`✓ ${title}: up to date\n`);
}

/** The plugin's server code and contract, compiled to CommonJS (Strapi loads .js). */
export function buildPlugin(): Promise<void> {
  return buildIfStale('plugin', 'Building the good-practices plugin', pluginServerInputs, [path.join(PLUGIN_DIR, 'dist', 'server', 'index.js')], () =>
    mustRunNode(bin.tsc, ['-p', path.join(PLUGIN_DIR, 'tsconfig.server.json')], { cwd: PLUGIN_DIR }),
  );
}

/** The app's own server code (config, bootstrap) compiled to cms/dist; enough for in-process tests. */
export function compileCmsServer(): Promise<void> {
  return buildIfStale('cms-server', 'Compiling the CMS server code', cmsServerInputs, [path.join(CMS_DIR, 'dist', 'src', 'index.js')], () =>
    mustRunNode(bin.tsc, ['-p', path.join(CMS_DIR, 'tsconfig.json')], { cwd: CMS_DIR }),
  );
}

/** Server code plus the admin panel (a Vite build of Strapi's admin and our plugin's admin part). */
export function buildCms(): Promise<void> {
  const inputs = [...cmsServerInputs, path.join(PLUGIN_DIR, 'admin'), path.join(PLUGIN_DIR, 'package.json')];
  return buildIfStale('cms-admin', 'Building the CMS and its admin panel (first time: a few minutes)', inputs, [path.join(CMS_DIR, 'dist', 'build', 'index.html')], () =>
    mustRunNode(bin.strapi, ['build', '--minify'], { cwd: CMS_DIR, env: { ...process.env, NODE_ENV: 'production' } }),
  );
}

export type SiteMode = 'static' | 'server';

/** The Astro site in one of its two modes (each has its own output folder). */
export function buildWeb(mode: SiteMode, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const inputs = [path.join(WEB_DIR, 'src'), path.join(WEB_DIR, 'public'), path.join(WEB_DIR, 'astro.config.mjs'), path.join(PLUGIN_DIR, 'contract'), lockfile];
  const output = mode === 'server' ? SITE_SERVER_ENTRY : path.join(WEB_DIR, 'dist', 'index.html');
  // The static build embeds the CMS content, so it is rebuilt on every call; only on-request is cached.
  const build = () => mustRunNode(bin.astro, ['build'], { cwd: WEB_DIR, env: { ...env, SITE_MODE: mode } });
  if (mode === 'static') return step('Building the static site', build);
  return buildIfStale('web-server', 'Building the site (on-request mode)', inputs, [output], build);
}
