/**
 * Does the browser run on this machine? Chromium launched exactly as the e2e suite launches it
 * (tests/helpers/browser.ts: CHROMIUM_PATH, else /usr/bin/chromium, else @sparticuz/chromium),
 * loading a page from a local HTTP server: the stylesheet is fetched and applied, text is laid
 * out, and a screenshot holds the painted pixels.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, resolveChromium } from '../helpers/browser';

const PAGE = `<!doctype html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Smoke</title><link rel="stylesheet" href="/smoke.css"></head>
<body><div id="box"></div><p id="text">Good practices for migrant integration — ممارسات جيدة</p></body></html>`;
const CSS = 'html,body{margin:0;background:#fff}#box{width:200px;height:100px;background:rgb(200,30,40)}#text{font:20px sans-serif;margin:8px}';

let server: Server;
let origin: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/smoke.css') res.writeHead(200, { 'content-type': 'text/css' }).end(CSS);
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await closeBrowser();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

/** The RGB(A) pixel at (x, y) of an 8-bit, non-interlaced PNG (what Chromium writes). */
function pixelAt(png: Buffer, x: number, y: number): number[] {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      expect(data[8], 'bit depth').toBe(8);
      expect(data[12], 'interlace').toBe(0);
      channels = ({ 2: 3, 6: 4 } as Record<number, number>)[data[9]!] ?? 0;
      expect(channels, `colour type ${data[9]}`).toBeGreaterThan(0);
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  let previous = Buffer.alloc(stride);
  for (let row = 0; row <= y; row++) {
    const filter = raw[row * (stride + 1)]!;
    const line = Buffer.from(raw.subarray(row * (stride + 1) + 1, (row + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels]! : 0;
      const b = previous[i]!;
      const c = i >= channels ? previous[i - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`PNG filter ${filter}`);
      line[i] = (line[i]! + predictor) & 0xff;
    }
    previous = line;
  }
  return [...previous.subarray(x * channels, x * channels + channels)];
}

describe('Chromium on this machine', () => {
  it('renders a page from a local server: stylesheet applied, text laid out, pixels painted', async () => {
    const { executablePath } = await resolveChromium();
    const session = await openPage({ viewport: { width: 400, height: 300 } });
    try {
      const { page } = session;
      const response = await page.goto(`${origin}/`);
      expect(response?.status()).toBe(200);
      expect(requests).toContain('/smoke.css');
      const layout = await page.evaluate(() => {
        const box = document.getElementById('box')!;
        const text = document.getElementById('text')!.getBoundingClientRect();
        return { background: getComputedStyle(box).backgroundColor, box: box.getBoundingClientRect().toJSON() as DOMRect, text: { width: text.width, height: text.height } };
      });
      expect(layout.background).toBe('rgb(200, 30, 40)');
      expect([layout.box.width, layout.box.height]).toEqual([200, 100]);
      expect(layout.text.width, 'text has glyphs to lay out').toBeGreaterThan(100);
      expect(layout.text.height).toBeGreaterThan(10);

      const png = await page.screenshot({ type: 'png' });
      expect(png.length, `screenshot by ${executablePath}`).toBeGreaterThan(1000);
      expect(png.readUInt32BE(16)).toBe(400);
      expect(png.readUInt32BE(20)).toBe(300);
      expect(pixelAt(png, 100, 50).slice(0, 3), 'inside the box').toEqual([200, 30, 40]);
      expect(pixelAt(png, 300, 50).slice(0, 3), 'beside the box').toEqual([255, 255, 255]);
    } finally {
      await session.close();
    }
  });
});
