/**
 * Reads an XLIFF 1.2 upload into its units, off the main thread: the XML is parsed and checked
 * (parse-xliff.ts) in a worker thread, so a large file does not stop the CMS from answering
 * other requests meanwhile. The worker is bounded in memory and time; a problem of the file as a
 * whole is thrown as the import's ValidationError.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileProblem } from './import-problems';
import type { ParseOutcome, XliffDocument } from './parse-xliff';

export type { XliffDocument, XliffUnit } from './parse-xliff';

/** Far above what the largest accepted upload needs (a 10 MB file takes about 1 s). */
const PARSE_TIMEOUT_MS = 60_000;
/** The parsed tree of the largest accepted upload fits several times over. */
const PARSE_HEAP_MB = 1024;

function parseInWorker(text: string): Promise<ParseOutcome> {
  // Next to this file in the compiled plugin (dist/server/src/xliff/parse-worker.js).
  const script = path.join(__dirname, 'parse-worker.js');
  if (!existsSync(script)) throw new Error(`The XLIFF parse worker ${script} is missing: build the plugin (tsc -p tsconfig.server.json).`);
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: text, resourceLimits: { maxOldGenerationSizeMb: PARSE_HEAP_MB } });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => resolve({ problem: `reading the file took longer than ${PARSE_TIMEOUT_MS / 1000} s; nothing was imported.` })), PARSE_TIMEOUT_MS);
    worker.once('message', (outcome: ParseOutcome) => settle(() => resolve(outcome)));
    worker.once('error', (error: Error) => {
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        settle(() => resolve({ problem: 'the file needs more memory to read than an import may use; split it into smaller files.' }));
      } else settle(() => reject(error));
    });
    worker.once('exit', (code) => settle(() => reject(new Error(`the XLIFF parse worker stopped (exit code ${code}) without an answer.`))));
  });
}

export async function readXliff(text: string): Promise<XliffDocument> {
  if (text.trim() === '') fileProblem('the request has no XLIFF document (send the file as the request body).');
  const outcome = await parseInWorker(text);
  if ('problem' in outcome) fileProblem(outcome.problem);
  return outcome.document;
}
