/**
 * Launches headless Chromium with playwright-core and returns a page from `browser.newContext()`
 * (what @axe-core/playwright needs). Chromium is, in order: env CHROMIUM_PATH, Debian's
 * /usr/bin/chromium when present, else @sparticuz/chromium's bundled build with its own args —
 * a Linux x64 build only: elsewhere (macOS, Linux arm64) CHROMIUM_PATH must name a Chrome or
 * Chromium, and its absence fails saying so.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const DEBIAN_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** What decides where Chromium comes from (this machine unless a test says otherwise). */
export interface Machine {
  platform: string;
  arch: string;
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
}

const thisMachine: Machine = { platform: process.platform, arch: process.arch, env: process.env, exists: existsSync };

export async function resolveChromium(machine: Machine = thisMachine): Promise<{ executablePath: string; args: string[] }> {
  const fromEnv = machine.env.CHROMIUM_PATH?.trim();
  if (fromEnv) return { executablePath: fromEnv, args: DEBIAN_ARGS };
  if (machine.exists(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, args: DEBIAN_ARGS };
  if (machine.platform !== 'linux' || machine.arch !== 'x64') {
    const example = machine.platform === 'darwin' ? '"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"' : '/path/to/chromium';
    throw new Error(
      `The browser tests need Chromium: the one @sparticuz/chromium carries runs on Linux x64 only, and this machine is ${machine.platform} ${machine.arch}. ` +
        `Set CHROMIUM_PATH to an installed Chrome or Chromium, e.g. CHROMIUM_PATH=${example} npm test`,
    );
  }
  const sparticuz = (await import('@sparticuz/chromium')).default;
  // Its args target AWS Lambda; --single-process there makes a second browser context crash the
  // whole browser, so it is dropped (the tests open several contexts in one browser).
  return { executablePath: await sparticuz.executablePath(), args: sparticuz.args.filter((a) => a !== '--single-process') };
}

let shared: Promise<Browser> | undefined;

async function launch(): Promise<Browser> {
  const { executablePath, args } = await resolveChromium();
  return chromium.launch({ executablePath, args, headless: true });
}

/** A fresh context and page; the browser process is shared within a test file. */
export async function openPage(options: BrowserContextOptions = {}): Promise<BrowserSession> {
  shared ??= launch();
  const browser = await shared;
  const context = await browser.newContext({ javaScriptEnabled: true, ...options });
  const page = await context.newPage();
  return { browser, context, page, close: () => context.close() };
}

export async function closeBrowser(): Promise<void> {
  if (!shared) return;
  const browser = await shared;
  shared = undefined;
  await browser.close();
}
