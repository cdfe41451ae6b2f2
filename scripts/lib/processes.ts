import { spawn, type ChildProcess } from 'node:child_process';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Print the command's output only when it fails (keeps the bootstrap readable). */
  quiet?: boolean;
}

/** Runs a Node script with the pinned Node and resolves with its exit code. */
export function runNode(script: string, args: string[], options: RunOptions = {}): Promise<number> {
  return run(process.execPath, [script, ...args], options);
}

export function run(command: string, args: string[], options: RunOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      if (status !== 0 && options.quiet) process.stderr.write(output);
      resolve(status);
    });
  });
}

/** Like run(), but a non-zero exit is an error naming the command. */
export async function mustRun(command: string, args: string[], options: RunOptions = {}): Promise<void> {
  const status = await run(command, args, options);
  if (status !== 0) throw new Error(`\`${[command, ...args].join(' ')}\` failed with exit code ${status}`);
}

export async function mustRunNode(script: string, args: string[], options: RunOptions = {}): Promise<void> {
  await mustRun(process.execPath, [script, ...args], options);
}

/** Starts a long-running service whose output is prefixed with its name. */
export function startService(name: string, script: string, args: string[], options: RunOptions = {}): ChildProcess {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk: Buffer, stream: NodeJS.WriteStream) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) stream.write(`[${name}] ${line}\n`);
  };
  child.stdout?.on('data', (chunk: Buffer) => prefix(chunk, process.stdout));
  child.stderr?.on('data', (chunk: Buffer) => prefix(chunk, process.stderr));
  return child;
}

/** Asks a child to stop and waits for it, killing it if it does not stop in time. */
export function stopService(child: ChildProcess, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Polls `url` until it answers with a status below 500, or fails after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the process serving ${url} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: 'manual' });
      if (response.status < 500) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${lastError})`);
}
