/**
 * A round-robin HTTP proxy for the several-instances figures: what deploy/nginx/proxy.conf does
 * in docker-compose (`proxy_pass` to the scaled `web` service), in a process of its own so that
 * it costs CPU like a real proxy and not inside the load generator. Keep-alive to the upstreams;
 * bodies streamed both ways.
 *
 * Run as `node round-robin-proxy.ts <port> <upstream>...`; prints `listening` when ready.
 */
import http from 'node:http';

export function startProxy(port: number, upstreams: readonly URL[]): Promise<http.Server> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = http.createServer((request, response) => {
    const upstream = upstreams[next++ % upstreams.length]!;
    const forwarded = http.request(
      { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: { ...request.headers, host: upstream.host }, agent },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => {
      if (!response.headersSent) response.writeHead(502).end();
      else response.destroy();
    });
    request.pipe(forwarded);
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.main) {
  const [port, ...upstreams] = process.argv.slice(2);
  if (!port || upstreams.length === 0) {
    console.error('usage: node round-robin-proxy.ts <port> <upstream URL>...');
    process.exit(2);
  }
  await startProxy(Number(port), upstreams.map((upstream) => new URL(upstream)));
  console.log('listening');
}
