// Debian's chromium driven by playwright-core. If it cannot start, the browser tests fail
// (CI installs it via .ci/run); they never skip.
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.ROTA_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
