// Debian's Chromium through playwright-core, with the flags this machine needs (no browser download).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's `chromium-headless-shell` when installed (the same Chromium build without the desktop browser's UI layer:
 * the three heaviest browser files took 62 s instead of 117 s here, both CPU-bound), else Debian's `chromium`.
 */
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ||
  (existsSync('/usr/bin/chromium-headless-shell') ? '/usr/bin/chromium-headless-shell' : '/usr/bin/chromium');

/** `extraArgs`: more command-line switches, e.g. a feature turned off to behave as an older version. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}
