import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CMS_DIR = path.join(ROOT, 'cms');
export const PLUGIN_DIR = path.join(CMS_DIR, 'src', 'plugins', 'good-practices');
export const WEB_DIR = path.join(ROOT, 'web');
/** The on-request site's server (web/astro.config.mjs: outDir of SITE_MODE=server). */
export const SITE_SERVER_ENTRY = path.join(WEB_DIR, 'dist-server', 'server', 'entry.mjs');
export const STATE_DIR = path.join(ROOT, '.tmp');

/** Executables of installed packages, run with the Node that runs us (the pinned one). */
export const bin = {
  strapi: path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'),
  tsc: path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
  astro: path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
  vitest: path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
};
