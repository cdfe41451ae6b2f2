/** What the figures were measured on: they mean little without it. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started and ended (a shared machine is noisy). */
  loadAverageStart: number;
  loadAverageEnd?: number;
  databases: Record<string, string>;
  astro: string;
  strapi: string;
  autocannon: string;
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(release)?.[1];
    if (pretty) return `${pretty}, kernel ${os.release()}`;
  } catch {
    // not Linux
  }
  return `${os.type()} ${os.release()}`;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  let cores = cpus.length;
  try {
    cores = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || cores;
  } catch {
    // nproc missing: os.cpus() it is
  }
  return {
    cpuModel: cpus[0]?.model.trim() ?? '?',
    cores,
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: osName(),
    node: process.version,
    loadAverageStart: Math.round(os.loadavg()[0]! * 100) / 100,
    databases: {},
    astro: packageVersion('astro'),
    strapi: packageVersion('@strapi/strapi'),
    autocannon: packageVersion('autocannon'),
  };
}

export function currentLoadAverage(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}

/** The git commit of the checkout and whether its working tree differs (null outside a git checkout). */
export function describeCode(cwd: string): { commit: string; dirty: boolean } | null {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return { commit, dirty: status.trim() !== '' };
  } catch {
    return null;
  }
}
