/**
 * Worker thread of read-xliff.ts: parses one XLIFF text (workerData) and posts the ParseOutcome.
 * Parsing a 10 MB file takes about a second of CPU, which would otherwise stall every other
 * request of the CMS.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseXliff } from './parse-xliff';

parseXliff(String(workerData)).then(
  (outcome) => parentPort?.postMessage(outcome),
  (error: unknown) => parentPort?.postMessage({ problem: `the file could not be read (${(error as Error).message.split('\n')[0]}).` }),
);
