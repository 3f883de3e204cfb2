import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];

/**
 * The Chromium to drive, or a reason there is none. Under CI=true a missing browser is a failure (CI must
 * install it); elsewhere browser tests skip with a message saying how to enable them.
 */
export function findChromium(): { path?: string; skipReason?: string } {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return { path: found };
  const reason = 'no Chromium found: install it (`apt-get install -y chromium`) or set CHROMIUM_PATH to run the browser tests';
  if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
  process.stderr.write(`skipping browser tests: ${reason}\n`);
  return { skipReason: reason };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
