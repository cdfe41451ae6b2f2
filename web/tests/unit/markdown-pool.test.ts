/**
 * The static build's Markdown pool (src/lib/markdown/pool.ts) renders in a real worker thread
 * (src/lib/markdown/worker.ts, loaded by Node): the same HTML as renderMarkdown, sanitized the
 * same way, requests of one tick answered together, and a worker that cannot start falls back to
 * rendering in this thread.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown/renderer';

const WORKER = fileURLToPath(new URL('../../src/lib/markdown/worker.ts', import.meta.url));

/** The pool as a build on a machine with `cores` cores loads it (workers start from four cores). */
async function loadPool(workerFile: string, cores = 8) {
  vi.resetModules();
  vi.stubEnv('GP_MARKDOWN_WORKER', workerFile);
  vi.doMock('node:os', async (original) => ({ ...(await original<typeof import('node:os')>()), availableParallelism: () => cores }));
  return import('../../src/lib/markdown/pool');
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.doUnmock('node:os');
});

const SOURCES = Array.from(
  { length: 40 },
  (_, index) => `# Answer ${index}\n\nA **pool** test with [a link](https://example.org/${index}) and <script>alert(${index})</script>\n\n- one\n- two`,
);

describe('Markdown pool of the static build', () => {
  it('renders in a worker thread what renderMarkdown renders, for many requests of one tick', async () => {
    const { markdownWorkers, renderMarkdownAsync } = await loadPool(WORKER);
    const pending = SOURCES.map((source, index) => renderMarkdownAsync(source, 2 + (index % 3)));
    // Not cached yet: every one is a promise answered by the worker.
    expect(pending.every((value) => value instanceof Promise)).toBe(true);
    const html = await Promise.all(pending);
    expect(html).toEqual(SOURCES.map((source, index) => renderMarkdown(source, 2 + (index % 3))));
    expect(html.join('')).not.toMatch(/<script|alert/);
    expect(html[0]).toContain('<h2>Answer 0</h2>');
    expect(html[1]).toContain('<h3>Answer 1</h3>');
    // Answered by the worker, which is still up (a failed one would have left the pool empty).
    expect(markdownWorkers()).toBeGreaterThan(0);
  });

  it('answers from the cache at once, and blank input with an empty string', async () => {
    const { renderMarkdownAsync } = await loadPool(WORKER);
    const source = 'Cached *once*.';
    const first = await renderMarkdownAsync(source, 4);
    expect(renderMarkdownAsync(source, 4)).toBe(first);
    expect(renderMarkdownAsync('   ', 2)).toBe('');
    expect(renderMarkdownAsync(null, 2)).toBe('');
  });

  it('renders in this thread when the worker cannot run', async () => {
    const { markdownWorkers, renderMarkdownAsync } = await loadPool(fileURLToPath(new URL('./no-such-worker.ts', import.meta.url)));
    const html = await Promise.all(SOURCES.slice(0, 5).map((source) => renderMarkdownAsync(source, 2)));
    expect(html).toEqual(SOURCES.slice(0, 5).map((source) => renderMarkdown(source, 2)));
    expect(markdownWorkers()).toBe(0);
  });

  it('renders in this thread on fewer than four cores (a worker there only competes with the build)', async () => {
    const { markdownWorkers, renderMarkdownAsync, MIN_CORES_FOR_WORKERS } = await loadPool(WORKER, 2);
    expect(MIN_CORES_FOR_WORKERS).toBe(4);
    const html = await Promise.all(SOURCES.slice(5, 10).map((source) => renderMarkdownAsync(source, 2)));
    expect(html).toEqual(SOURCES.slice(5, 10).map((source) => renderMarkdown(source, 2)));
    expect(markdownWorkers()).toBe(0);
  });

  it('renders in this thread outside the static build (no worker file set)', async () => {
    const { renderMarkdownAsync } = await loadPool('');
    expect(typeof renderMarkdownAsync(SOURCES[0], 2)).toBe('string');
  });
});
