/**
 * Reads a request body up to a limit and stops there, whatever the transfer encoding: a
 * declared Content-Length over the limit is refused without reading, and a chunked body is
 * counted as it streams in and abandoned at the first byte past the limit, so a client cannot
 * make the server hold more than `maxBytes` (the webhook's 64 KB, not the 300 MB it was sent).
 */
export type LimitedBody = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'unreadable' };

export async function readLimitedBody(request: Request, maxBytes: number): Promise<LimitedBody> {
  const declared = request.headers.get('content-length');
  if (declared !== null && !(/^\d+$/.test(declared.trim()) && Number(declared) <= maxBytes)) return { ok: false, reason: 'too-large' };
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      // The client went away, or the adapter's own limit (astro.config.mjs) stopped the stream.
      return { ok: false, reason: 'unreadable' };
    }
    const { done, value } = next;
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stops the stream (and with it the socket's reading); what was kept is dropped.
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: 'too-large' };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks, size).toString('utf8') };
}
