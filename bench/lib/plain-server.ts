/**
 * The baseline of the on-request figures: a plain Node HTTP server answering every request with
 * the same bytes and headers the site sent for the practice page. Run as its own process (like
 * the site) by bench/lib/baseline.ts: `node bench/lib/plain-server.ts <file.json> <port>`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [file, port] = process.argv.slice(2);
const page = JSON.parse(readFileSync(file!, 'utf8')) as { headers: [string, string][]; body: string };
const body = Buffer.from(page.body, 'base64');
const headers = Object.fromEntries(page.headers.filter(([name]) => !/^(content-length|transfer-encoding|connection|keep-alive|date)$/i.test(name)));

createServer((_request, response) => {
  response.writeHead(200, { ...headers, 'content-length': body.length });
  response.end(body);
}).listen(Number(port), '127.0.0.1', () => process.stdout.write(`listening on ${port}\n`));
