/**
 * A worker of the static build's Markdown pool (pool.ts): renders batches of editor
 * Markdown with the site's one renderer (renderer.ts) on another core.
 *
 * Loaded by Node itself, not by Vite (hence the `.ts` specifier, run with Node's type
 * stripping): keep this file and renderer.ts free of Vite-only imports.
 */
import { parentPort } from 'node:worker_threads';
import { renderUncached } from './renderer.ts';

export interface MarkdownBatch {
  id: number;
  /** [markdown, headingBase] */
  items: [string, number][];
}

export type MarkdownResult = { id: number; html: string[] } | { id: number; error: string };

parentPort?.on('message', (batch: MarkdownBatch) => {
  try {
    parentPort!.postMessage({ id: batch.id, html: batch.items.map(([markdown, headingBase]) => renderUncached(markdown, headingBase)) } satisfies MarkdownResult);
  } catch (error) {
    parentPort!.postMessage({ id: batch.id, error: error instanceof Error ? error.message : String(error) } satisfies MarkdownResult);
  }
});
