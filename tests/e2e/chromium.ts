// Finds a Chromium to drive: $CHROMIUM_PATH, the system's Chromium or Chrome, or Playwright's own download.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const system = CANDIDATES.find((path) => existsSync(path));
  if (system) return system;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // playwright-core has no browser of its own unless one was downloaded.
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one: on Debian/Ubuntu `sudo apt-get install -y chromium`, ' +
      'or set CHROMIUM_PATH to a Chrome/Chromium binary, or run `npx playwright install chromium` where downloads are allowed.',
  );
}

const ARGS = ['--headless', '--lang=vi-VN', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** A browser whose contexts are off the record: their IndexedDB lives in memory and never reaches the disk. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: [...ARGS, ...extraArgs] });
}

export interface OnDiskBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A browser on a profile of its own on disk, as the app's window is: IndexedDB commits are written
 * and, with strict durability, flushed to the disk. For benchmarks of durable writes. `close` also
 * removes the profile.
 */
export async function launchOnDisk(): Promise<OnDiskBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'motcua-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: ARGS });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
