/**
 * Which Chromium the browser tests launch (tests/helpers/browser.ts), decided for other machines
 * than this one: the bundled @sparticuz/chromium is a Linux x64 build, so a Mac must be told
 * where its Chrome is, and is told so.
 */
import { describe, expect, it } from 'vitest';
import { resolveChromium, type Machine } from '../helpers/browser';

const machine = (platform: string, arch: string, env: Record<string, string> = {}, installed: string[] = []): Machine => ({
  platform,
  arch,
  env,
  exists: (path) => installed.includes(path),
});

const MAC_CHROME = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';

describe('the Chromium of the browser tests', () => {
  it('is CHROMIUM_PATH when set, on any machine', async () => {
    expect((await resolveChromium(machine('darwin', 'arm64', { CHROMIUM_PATH: MAC_CHROME }))).executablePath).toBe(MAC_CHROME);
    expect((await resolveChromium(machine('linux', 'x64', { CHROMIUM_PATH: '/opt/chromium/chrome' }, ['/usr/bin/chromium']))).executablePath).toBe('/opt/chromium/chrome');
  });

  it('is Debian’s /usr/bin/chromium when installed and CHROMIUM_PATH is not set', async () => {
    expect((await resolveChromium(machine('linux', 'arm64', { CHROMIUM_PATH: ' ' }, ['/usr/bin/chromium']))).executablePath).toBe('/usr/bin/chromium');
  });

  it.each([
    ['darwin', 'arm64', `CHROMIUM_PATH="${MAC_CHROME}" npm test`],
    ['darwin', 'x64', `CHROMIUM_PATH="${MAC_CHROME}" npm test`],
    ['linux', 'arm64', 'CHROMIUM_PATH=/path/to/chromium npm test'],
  ])('on %s %s without either, fails saying what to set (the bundled build runs on Linux x64 only)', async (platform, arch, hint) => {
    const refusal = resolveChromium(machine(platform, arch));
    await expect(refusal).rejects.toThrow(`runs on Linux x64 only, and this machine is ${platform} ${arch}`);
    await expect(refusal).rejects.toThrow(hint);
  });

  it('on Linux x64 without either, is the build that @sparticuz/chromium carries', async () => {
    const { executablePath, args } = await resolveChromium(machine('linux', 'x64'));
    expect(executablePath).toMatch(/chromium/);
    expect(args).not.toContain('--single-process');
  });
});
