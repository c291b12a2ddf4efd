// The browser app 排班助手.html: one self-contained file (inline script and style allowed by hash in a
// strict Content-Security-Policy, nothing fetched), the same src/app functions as the CLI bundled for
// the browser. node:crypto and node:module are replaced by small browser versions (src/web/shims).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { contentSecurityPolicy } from '../dist/core-api.js';

const SHIMS = { 'node:crypto': 'src/web/shims/crypto.ts', 'node:module': 'src/web/shims/module.ts', 'node:zlib': 'src/web/shims/zlib.ts' };
const shims = {
  name: 'node-shims',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => {
      const shim = SHIMS[args.path];
      if (!shim) return { errors: [{ text: `${args.path} has no browser version; keep it out of src/web's imports` }] };
      return { path: new URL(`../${shim}`, import.meta.url).pathname };
    });
  },
};

const result = await build({
  entryPoints: ['src/web/main.ts'],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome109', 'firefox115'],
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  write: false,
  plugins: [shims],
  // csv-parse's browser build carries the Buffer it uses.
  alias: { 'csv-parse/sync': 'csv-parse/browser/esm/sync' },
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'silent' },
});
// The script is inline: "</script" inside it would end the element early.
const script = result.outputFiles[0].text.replaceAll('</script', '<\\/script').trim();
const css = readFileSync('src/web/style.css', 'utf8').trim();
// The report pages' policy (built into dist/core-api.js just before), plus the planner's Worker,
// made from the page's own script (a blob: URL) so the page never freezes, and WebAssembly (the
// ledger's SQLite) compiled from bytes in the page ('wasm-unsafe-eval' allows that and no JS eval).
const csp = contentSecurityPolicy(css, script, ['worker-src blob:'], ["'wasm-unsafe-eval'"]);
// sql.js's SQLite in WebAssembly, gzipped (690 -> 340 KB) in a data block the browser does not run:
// src/web/ledger.ts unpacks it with DecompressionStream only when a ledger is opened. Not in the
// script, so the planner's worker, made from the script's text, does not carry it.
const wasm = gzipSync(readFileSync('node_modules/sql.js/dist/sql-wasm.wasm'), { level: 9 }).toString('base64');
const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>排班助手 rota</title>
<style>${css}</style>
</head>
<body>
<noscript>排班助手需要启用 JavaScript。This page needs JavaScript.</noscript>
<div id="app"></div>
<script type="application/octet-stream" id="sqlite-wasm">${wasm}</script>
<script>${script}</script>
</body>
</html>
`;
mkdirSync('dist', { recursive: true });
writeFileSync('dist/排班助手.html', html);
