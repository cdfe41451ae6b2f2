import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopChild, waitForUrl } from './proc.ts';

const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'plain-server.ts');

/** Starts the plain Node server with the page's exact bytes and headers. */
export async function startPlainServer(page: { headers: [string, string][]; body: Buffer }, file: string, port: number): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  writeFileSync(file, JSON.stringify({ headers: page.headers, body: page.body.toString('base64') }));
  const child = spawn(process.execPath, [SERVER, file, String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/`, 10_000, child);
  return { url, pid: child.pid ?? 0, stop: () => stopChild(child) };
}
