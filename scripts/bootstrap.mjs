#!/usr/bin/env node
/**
 * Entry point of `npm start`, `npm test`, `npm run import` and `npm run bench`.
 *
 * This one file is plain JavaScript because it must run on whatever Node the newcomer has (the
 * system Node 20 on a fresh machine). It
 *   1. obtains the pinned Node (.nvmrc) from the npm registry package `node-<os>-<arch>` into the
 *      git-ignored .toolchain/ folder when the running Node is another major version (package.json
 *      engines: the pinned major only), and re-runs itself on it;
 *   2. installs the workspaces' dependencies when missing or when a package.json / the lockfile
 *      changed, with native addons built against the pinned Node's headers;
 *   3. hands over to the TypeScript task in scripts/tasks/<task>.ts (Node 24 strips the types).
 * The decisions are exported for scripts/tests/bootstrap.test.ts; importing this file runs nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NODE_VERSION = readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim();
const REQUIRED_MAJOR = Number(NODE_VERSION.split('.')[0]);
const TOOLCHAIN = path.join(ROOT, '.toolchain', `node-${NODE_VERSION}`);
const TASKS_DIR = path.join(ROOT, 'scripts', 'tasks');

const [task = '', ...taskArgs] = process.argv.slice(2);
/** The Node binary of the re-run on the pinned Node: if that binary is not the pinned Node, stop rather than loop. */
const REEXEC_MARK = 'GP_BOOTSTRAP_PINNED_NODE';

function log(message) {
  process.stdout.write(`${message}\n`);
}

/** Runs `fn`, printing what it does and how long it took: progress must be visible. */
async function step(title, fn) {
  const started = performance.now();
  log(`▸ ${title}…`);
  const result = await fn();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`✓ ${title} (${seconds} s)`);
  return result;
}

function fail(message) {
  process.stderr.write(`\n✗ ${message}\n`);
  process.exit(1);
}

/** The npm CLI that launched us (npm sets npm_execpath), else the one on PATH. */
function npmCli() {
  const fromEnv = process.env.npm_execpath;
  if (fromEnv && /npm-cli\.js$/.test(fromEnv) && existsSync(fromEnv)) return fromEnv;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'npm');
    if (!existsSync(candidate)) continue;
    const real = realpathSync(candidate);
    if (real.endsWith('.js')) return real;
    const sibling = path.join(path.dirname(real), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
    if (existsSync(sibling)) return sibling;
  }
  return fail('npm was not found on PATH; it comes with Node.js, please install Node.js with npm.');
}

/** Runs npm on the Node that runs this script, so installs target that Node. */
function runNpm(args, options = {}) {
  const result = spawnSync(process.execPath, [npmCli(), ...args], { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.status !== 0) fail(`npm ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
}

/**
 * True when the tasks must not run on `running` (a version like "20.20.2"): any other major than
 * the pinned one. An older Node lacks what the tasks use (type stripping); a newer one is not
 * what the lockfile's native addons and the engines field were made for.
 * @param {string} running
 * @param {string} pinned
 */
export function needsPinnedNode(running, pinned) {
  return Number(running.split('.')[0]) !== Number(pinned.split('.')[0]);
}

/**
 * The npm registry package that carries Node `version` for this machine, or null where there is none.
 * @param {string} platform process.platform
 * @param {string} arch process.arch
 * @param {string} version
 */
export function nodePackageFor(platform, arch, version) {
  const name = /** @type {Record<string, string>} */ ({ linux: 'linux', darwin: 'darwin', win32: 'win' })[platform];
  return name ? `node-${name}-${arch}@${version}` : null;
}

function toolchainPackage() {
  return nodePackageFor(process.platform, process.arch, NODE_VERSION) ?? fail(`No Node ${NODE_VERSION} package for ${process.platform}: install Node ${NODE_VERSION} yourself (see .nvmrc).`);
}

async function ensureToolchain() {
  const nodeBin = path.join(TOOLCHAIN, 'bin', 'node');
  if (existsSync(nodeBin)) return nodeBin;
  await step(`Fetching Node ${NODE_VERSION} from the npm registry (${toolchainPackage()}) into .toolchain/`, () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'gp-node-'));
    try {
      runNpm(['pack', toolchainPackage(), '--pack-destination', work, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
      const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
      if (!tarball) fail('npm pack produced no tarball');
      const unpacked = spawnSync('tar', ['xzf', path.join(work, tarball), '-C', work], { stdio: 'inherit' });
      if (unpacked.status !== 0) fail('could not unpack the Node tarball (is `tar` installed?)');
      mkdirSync(path.dirname(TOOLCHAIN), { recursive: true });
      rmSync(TOOLCHAIN, { recursive: true, force: true });
      renameSync(path.join(work, 'package'), TOOLCHAIN);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
  const check = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' });
  if (check.status !== 0 || check.stdout.trim() !== `v${NODE_VERSION}`) {
    fail(`the downloaded Node does not run here (${check.stderr || check.stdout}); remove .toolchain/ and retry.`);
  }
  return nodeBin;
}

/** Environment in which every child (npm, node-gyp, Strapi, Astro) uses the pinned Node. */
function toolchainEnv(nodeBin) {
  const nodeHome = path.dirname(path.dirname(nodeBin));
  const env = {
    ...process.env,
    PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
    STRAPI_TELEMETRY_DISABLED: 'true',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // Native addons compile only against the headers of the Node that runs them.
  if (existsSync(path.join(nodeHome, 'include', 'node'))) env.npm_config_nodedir = nodeHome;
  return env;
}

/** The files that decide what `npm install` puts in node_modules. */
export const DEPENDENCY_FILES = ['package.json', 'package-lock.json', 'cms/package.json', 'cms/src/plugins/good-practices/package.json', 'web/package.json'];

/**
 * Fingerprint of everything that decides what `npm install` puts in node_modules: those files
 * and the Node version (native addons are built for one Node).
 * @param {string} root
 * @param {string} nodeVersion like process.version
 */
export function dependencyFingerprint(root, nodeVersion) {
  const hash = createHash('sha256');
  hash.update(nodeVersion);
  for (const file of DEPENDENCY_FILES) {
    const full = path.join(root, file);
    hash.update(file);
    hash.update(existsSync(full) ? readFileSync(full) : 'missing');
  }
  return hash.digest('hex');
}

/**
 * The stamp of the last successful install; node_modules going away takes it along.
 * @param {string} root
 */
export function installStamp(root) {
  return path.join(root, 'node_modules', '.gp-install-stamp');
}

/**
 * True when `npm install` must run: no successful install yet, or one for other files or another Node.
 * @param {string} root
 * @param {string} nodeVersion
 */
export function needsInstall(root, nodeVersion) {
  const stamp = installStamp(root);
  return !existsSync(stamp) || readFileSync(stamp, 'utf8') !== dependencyFingerprint(root, nodeVersion);
}

async function ensureDependencies() {
  if (!needsInstall(ROOT, process.version)) {
    log('✓ Dependencies are up to date');
    return;
  }
  // `npm ci` fails here on optional packages of other platforms that the registry lacks, so
  // install with the lockfile instead; it keeps the locked versions. Fingerprinted after it, as
  // npm may rewrite the lockfile it installed from.
  await step('Installing dependencies (npm install)', () => runNpm(['install', '--no-audit', '--no-fund', '--loglevel=error']));
  writeFileSync(installStamp(ROOT), dependencyFingerprint(ROOT, process.version));
}

/**
 * @param {string | undefined} a
 * @param {string} b
 */
function isSameFile(a, b) {
  try {
    return Boolean(a) && realpathSync(/** @type {string} */ (a)) === realpathSync(b);
  } catch {
    return false;
  }
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
}

async function main() {
  const tasks = readdirSync(TASKS_DIR).filter((name) => name.endsWith('.ts')).map((name) => name.slice(0, -3));
  if (!tasks.includes(task)) fail(`usage: node scripts/bootstrap.mjs <${tasks.join('|')}> [args…]`);
  if (needsPinnedNode(process.versions.node, NODE_VERSION)) {
    if (isSameFile(process.env[REEXEC_MARK], process.execPath)) fail(`${process.execPath} (Node ${process.versions.node}) is not the pinned Node ${NODE_VERSION}: remove .toolchain/ and retry.`);
    log(`Node ${process.versions.node} is not the pinned Node ${NODE_VERSION} (major ${REQUIRED_MAJOR}).`);
    const nodeBin = await ensureToolchain();
    // Keep npm's own CLI path: the pinned Node package carries no npm.
    const env = { ...toolchainEnv(nodeBin), npm_execpath: npmCli(), [REEXEC_MARK]: nodeBin };
    const child = spawn(nodeBin, [fileURLToPath(import.meta.url), task, ...taskArgs], { stdio: 'inherit', env });
    forwardSignals(child);
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
    return;
  }

  Object.assign(process.env, toolchainEnv(process.execPath));
  await ensureDependencies();
  const { run } = await import(pathToFileURL(path.join(TASKS_DIR, `${task}.ts`)).href);
  const code = await run(taskArgs);
  process.exitCode = typeof code === 'number' ? code : 0;
}

/** True when Node runs this file (not when a test imports it). */
function runDirectly() {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (runDirectly()) main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
