// Re-creates docs/timetable.png (desktop) and docs/timetable-phone.png (360px) from the seed
// round's timetable through the built CLI. Run:
//   npm run build && npx esbuild test/screenshot.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=dist/screenshot.mjs --log-level=warning && node dist/screenshot.mjs
// It needs /usr/bin/chromium and fonts-noto-cjk.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './browser/launch.js';

const out = mkdtempSync(join(tmpdir(), 'rota-shot-'));
execFileSync('node', ['bin/rota.js', 'render', 'fixtures/timetable.csv', '-c', 'fixtures/rota.json', '--out', out]);
const url = pathToFileURL(join(out, 'timetable.html')).href;
const browser = await launchChromium();
try {
  const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await desktop.goto(url);
  await desktop.screenshot({ path: resolve('docs/timetable.png'), fullPage: true });
  const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await phone.goto(url);
  await phone.screenshot({ path: resolve('docs/timetable-phone.png'), fullPage: true });
} finally {
  await browser.close();
}
process.stdout.write('wrote docs/timetable.png docs/timetable-phone.png\n');
