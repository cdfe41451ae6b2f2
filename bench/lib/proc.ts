/**
 * Child processes of the bench: run a command with its output in a log file (each line
 * timestamped, so build phases can be timed from it) while polling the peak resident memory of
 * the whole process tree from /proc; free ports; waiting for a URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { stopService } from '../../scripts/lib/processes.ts';

/** Resident set size in bytes of `pid` and all its descendants (Linux /proc), 0 elsewhere. */
export function treeRss(pid: number): number {
  if (!existsSync('/proc/self/status')) return 0;
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      rss.set(Number(entry), kb * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop()!;
    total += rss.get(current) ?? 0;
    stack.push(...(children.get(current) ?? []));
  }
  return total;
}

export interface TimedLine {
  /** Milliseconds since the command started. */
  at: number;
  line: string;
}

export interface CommandResult {
  code: number;
  wallSeconds: number;
  /** Highest sum of RSS over the process tree seen by polling (bytes). */
  peakTreeRss: number;
  /** Maximum resident set size reported by /usr/bin/time -v (bytes), when available. */
  timeMaxRss: number | null;
  lines: TimedLine[];
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs `command args` (under /usr/bin/time -v when present), logging to `logFile`, polling the
 * tree's RSS every `pollMs`.
 */
export function runMeasured(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; pollMs?: number }): Promise<CommandResult> {
  const useTime = existsSync(GNU_TIME);
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const started = performance.now();
  const child: ChildProcess = useTime
    ? spawn(GNU_TIME, ['-v', command, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: TimedLine[] = [];
  let peak = 0;
  const poll = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  }, options.pollMs ?? 100);
  const collect = (stream: NodeJS.ReadableStream | null): void => {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const at = performance.now() - started;
      const text = rest + chunk.toString();
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) lines.push({ at, line });
      log.write(chunk);
    });
    stream?.on('end', () => {
      if (rest) lines.push({ at: performance.now() - started, line: rest });
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(poll);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(poll);
      log.end();
      const wallSeconds = (performance.now() - started) / 1000;
      const kb = lines.map(({ line }) => /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(line)?.[1]).find(Boolean);
      resolve({ code: code ?? 1, wallSeconds, peakTreeRss: peak, timeMaxRss: kb ? Number(kb) * 1024 : null, lines });
    });
  });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function waitForUrl(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the process serving ${url} exited (${child.exitCode})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${last})`);
}

/** Stops a child we started: SIGTERM, then SIGKILL after `graceMs` (the start task's own rule). */
export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  return stopService(child, graceMs);
}

/** CPU time (user + system, in clock ticks) of `pid` and its descendants, from /proc. */
function treeCpuTicks(pids: readonly number[]): number {
  if (!existsSync('/proc/self/stat')) return 0;
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  let total = 0;
  const stack = [...pids];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    total += ticks.get(current) ?? 0;
    stack.push(...(children.get(current) ?? []));
  }
  return total;
}

/**
 * Waits until the given processes are idle: under `maxShare` of one core over two consecutive
 * windows of `windowMs`. A load generator stops sending at the end of a round, but the servers
 * still work through what they accepted (renders waiting on the CMS, CMS queries): the next
 * round must not pay for it. Gives up after `timeoutMs` and says how busy they still were.
 */
export async function waitForIdle(pids: readonly number[], options: { windowMs?: number; maxShare?: number; timeoutMs?: number } = {}): Promise<{ waitedMs: number; idle: boolean }> {
  const windowMs = options.windowMs ?? 250;
  const maxShare = options.maxShare ?? 0.1;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const ticksPerSecond = 100; // USER_HZ on Linux
  if (!existsSync('/proc/self/stat') || pids.length === 0) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    return { waitedMs: 2000, idle: true };
  }
  const started = Date.now();
  let quiet = 0;
  let previous = treeCpuTicks(pids);
  while (Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const current = treeCpuTicks(pids);
    const share = (current - previous) / ticksPerSecond / (windowMs / 1000);
    previous = current;
    quiet = share <= maxShare ? quiet + 1 : 0;
    if (quiet >= 2) return { waitedMs: Date.now() - started, idle: true };
  }
  return { waitedMs: Date.now() - started, idle: false };
}
