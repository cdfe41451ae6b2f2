/**
 * HTTP load with autocannon: fixed connections for a fixed duration, repeated `rounds` times.
 * Latencies are taken from every response (autocannon's 'response' event) so that p95 is exact
 * (autocannon's own summary has p97.5 but no p95). Each round gives requests/s and p50/p95/p99;
 * the figure of a run is the median over rounds.
 */
import { createRequire } from 'node:module';
import { waitForIdle } from './proc.ts';
import { median, percentileSorted } from './stats.ts';

const require = createRequire(import.meta.url);

interface AutocannonRequest {
  method?: string;
  path?: string;
  setupRequest?: (request: { path: string; [key: string]: unknown }, context: Record<string, unknown>) => { path: string; [key: string]: unknown };
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  requests?: AutocannonRequest[];
  timeout?: number;
}
interface AutocannonResult {
  requests: { total: number; average: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
  on(event: 'done', listener: (result: AutocannonResult) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}
type Autocannon = (options: AutocannonOptions, callback: (error: Error | null, result: AutocannonResult) => void) => AutocannonInstance;

const autocannon = require('autocannon') as Autocannon;

export interface RoundResult {
  /** 2xx responses per second. */
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  /** Responses that were not 2xx, plus connection errors and timeouts. */
  failures: number;
  bytesPerResponse: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
  rounds: RoundResult[];
}

export interface LoadSpec {
  /** Origin, e.g. http://127.0.0.1:1337 */
  origin: string;
  /** Path of each request: a fixed path or a function of the request number. */
  path: string | ((index: number) => string);
  connections: number;
  /** Seconds per round. */
  duration: number;
  /** Processes that serve the load (and their children): each round starts once they are idle. */
  settle?: readonly number[];
}

export async function runRound(spec: LoadSpec): Promise<RoundResult> {
  if (spec.settle?.length) await waitForIdle(spec.settle);
  return round(spec);
}

function round(spec: LoadSpec): Promise<RoundResult> {
  const latencies: number[] = [];
  let bytes = 0;
  let counter = 0;
  const pathOf = typeof spec.path === 'string' ? () => spec.path as string : spec.path;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.origin,
        connections: spec.connections,
        duration: spec.duration,
        timeout: 30,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({ ...request, path: pathOf(counter++) }),
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          // Successful answers only: a server answering 503 fast must not look fast.
          requestsPerSecond: result['2xx'] / result.duration,
          p50: percentileSorted(latencies, 50),
          p95: percentileSorted(latencies, 95),
          p99: percentileSorted(latencies, 99),
          requests: result.requests.total,
          failures: result.non2xx + result.errors + result.timeouts,
          bytesPerResponse: latencies.length ? bytes / latencies.length : 0,
        });
      },
    );
    instance.on('response', (_client, _status, responseBytes, responseTime) => {
      latencies.push(responseTime);
      bytes += responseBytes;
    });
  });
}

export function summarise(rounds: RoundResult[]): LoadResult {
  return {
    requestsPerSecond: median(rounds.map((round) => round.requestsPerSecond)),
    p50: median(rounds.map((round) => round.p50)),
    p95: median(rounds.map((round) => round.p95)),
    p99: median(rounds.map((round) => round.p99)),
    failures: rounds.reduce((sum, round) => sum + round.failures, 0),
    rounds,
  };
}

export async function load(spec: LoadSpec, rounds: number): Promise<LoadResult> {
  const results: RoundResult[] = [];
  for (let index = 0; index < rounds; index += 1) results.push(await runRound(spec));
  return summarise(results);
}
