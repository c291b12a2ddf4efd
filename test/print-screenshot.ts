// Re-creates docs/notice-print.png (the seed round's page printed by Chromium to A4 PDF) and
// docs/notice-docx.png (timetable.docx as LibreOffice Writer lays it out), both rendered by pdftoppm.
// Run:
//   npm run build && npx esbuild test/print-screenshot.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=dist/print-screenshot.mjs --log-level=warning && node dist/print-screenshot.mjs
// It needs /usr/bin/chromium, soffice (LibreOffice Writer), poppler-utils and fonts-noto-cjk.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './browser/launch.js';

const out = mkdtempSync(join(tmpdir(), 'rota-print-shot-'));
execFileSync('node', ['bin/rota.js', 'render', 'fixtures/timetable.csv', '-c', 'fixtures/rota.json', '--out', join(out, 'pub')]);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(join(out, 'pub', 'timetable.html')).href);
  await page.pdf({ path: join(out, 'page.pdf'), preferCSSPageSize: true });
} finally {
  await browser.close();
}
const profile = `-env:UserInstallation=${pathToFileURL(join(out, 'profile')).href}`;
execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', out, join(out, 'pub', 'timetable.docx')], {
  stdio: 'pipe',
});
for (const [pdf, png] of [
  ['page.pdf', 'docs/notice-print'],
  ['timetable.pdf', 'docs/notice-docx'],
]) {
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', join(out, pdf), resolve(png)]);
}
process.stdout.write('wrote docs/notice-print.png docs/notice-docx.png\n');
