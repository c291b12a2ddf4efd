// npm run build: the library (ESM, dist/index.js), the CLI (CommonJS, dist/cli.cjs, started by
// bin/rota.js from V8's code cache), the CSV worker, a warm-up run that writes that code cache, and
// the type declarations. One step per block, so each build target is added in one place.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });

// The library: ES modules, split so that heavy modules load only when a function needs them.
await build({
  entryPoints: ['src/index.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
});

// The CLI and its CSV worker thread: CommonJS, so bin/rota.js can compile them from a code cache.
await build({
  entryPoints: ['src/cli/cli.ts', 'src/io/csv-worker.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outdir: 'dist',
  entryNames: '[name]',
  outExtension: { '.js': '.cjs' },
  external: ['iconv-lite'],
  logOverride: { 'empty-import-meta': 'silent' },
  minify: true,
  logLevel: 'warning',
});

// One run writes V8's code cache beside the bundle (bin/rota.js), so the first real run is fast.
writeFileSync('dist/warm-up.json', execFileSync(process.execPath, ['bin/rota.js', 'plan', '-c', 'fixtures/rota.json', '--json']));

execFileSync(
  process.execPath,
  ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit', 'false', '--declaration', '--emitDeclarationOnly', '--outDir', 'dist/types'],
  {
    stdio: 'inherit',
  },
);
