/**
 * Summary of a V8 CPU profile (.cpuprofile, as written by `node --cpu-prof` or the inspector):
 * self time by function and by package, which is what a report needs to name a cause.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileLine {
  name: string;
  selfMs: number;
  share: number;
}

/** Where a script URL belongs: an npm package, a project folder, or Node itself. */
export function packageOf(url: string): string {
  if (!url) return '(V8 builtins / native code)';
  if (url.startsWith('node:')) return 'node (core)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (/\/site-server\/server\//.test(url)) return 'web (on-request bundle)';
  if (/\/web\/\.astro\/\.prerender\//.test(url)) return 'web (prerender bundle)';
  const match = /\/(cms\/src\/plugins\/good-practices|cms\/dist|cms|web\/dist-server|web\/src|web|bench)\//.exec(url);
  if (match) return match[1]!;
  return url.replace(/^file:\/\//, '');
}

export function summariseProfile(profile: CpuProfile, top = 15): { totalMs: number; functions: ProfileLine[]; packages: ProfileLine[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  const label = (node: ProfileNode): string => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url
      .replace(/^.*\/node_modules\//, '')
      .replace(/^.*\/site-server\/server\//, 'web-server-bundle/')
      .replace(/^file:\/\/.*?\/(cms|web|bench)\//, '$1/');
    return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
  };
  for (const [id, micros] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    // The profiler's own work (the inspector session of the profiled process).
    if (url === 'node:inspector') continue;
    total += micros;
    let name: string;
    let pkg: string;
    if (functionName === '(garbage collector)') {
      name = pkg = '(garbage collector)';
    } else if (url) {
      name = label(node);
      pkg = packageOf(url);
    } else {
      // Native code (V8 builtins, C++ of addons such as better-sqlite3, syscalls): charged to the
      // nearest JavaScript caller, which says what it was doing.
      let caller = parent.get(id);
      while (caller !== undefined && !byId.get(caller)?.callFrame.url) caller = parent.get(caller);
      const callerNode = caller === undefined ? undefined : byId.get(caller);
      const native = functionName && functionName !== '(anonymous)' ? functionName : 'native';
      name = callerNode ? `(${native}) ← ${label(callerNode)}` : `(${native})`;
      pkg = callerNode ? `${packageOf(callerNode.callFrame.url)} (native)` : '(V8 builtins / native code)';
    }
    functions.set(name, (functions.get(name) ?? 0) + micros);
    packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
  }
  const lines = (map: Map<string, number>): ProfileLine[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, selfMs: micros / 1000, share: total ? micros / total : 0 }));
  return { totalMs: total / 1000, functions: lines(functions), packages: lines(packages) };
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

export function profileMarkdown(title: string, summary: ReturnType<typeof summariseProfile>): string {
  const rows = (lines: ProfileLine[]) => lines.map((line) => `| ${line.name.replace(/\|/g, '\\|')} | ${line.selfMs.toFixed(0)} | ${(line.share * 100).toFixed(1)} % |`).join('\n');
  return [
    `#### ${title} (${summary.totalMs.toFixed(0)} ms of CPU, idle excluded)`,
    '',
    '| package | self ms | share |',
    '| --- | --- | --- |',
    rows(summary.packages),
    '',
    '| function | self ms | share |',
    '| --- | --- | --- |',
    rows(summary.functions),
  ].join('\n');
}
