// npm run build: the library (ESM, dist/index.js), the CLI (CommonJS, dist/cli/*.cjs, started by
// bin/rota.js from V8's code cache) with its CSV worker, warm-up runs that write that code cache, and
// the type declarations. One step per block, so each build target is added in one place.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { asciiBundles } from './ascii-bundles.mjs'; // bundles Node reads as one-byte text
import { compactHolidays } from './compact-holidays.mjs'; // the national holiday table, packed

rmSync('dist', { recursive: true, force: true });

// The .docx template (src/io/docx/template.json) from the docx library, which the bundles then do without.
await import('./docx-template.mjs');

// The library: ES modules (rota = dist/index.js, rota/core = dist/core-api.js), split so that heavy modules load only when a function needs them.
await build({
  entryPoints: ['src/index.ts', 'src/core-api.ts'],
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

// The CLI: CommonJS, so bin/rota.js can compile it from a code cache. A small main (commander and
// the list of commands), one bundle per command, and one for the published files (ICS, HTML, CSV:
// half of a command's code, needed only with --out), so a command loads only what it uses. Where
// the sources import one of these dynamically (or a shared one at all), the import becomes a
// require of the sibling bundle.
// Packages most runs never call, each its own bundle that the first call loads: the integer program's
// solver (the seed round's pieces, and most others, are solved as networks), csv-parse (lists without
// a quote are split without it, src/io/table.ts) and fflate (the seed's Word files are stored, not
// deflated). The functions their importers call, by package.
const LAZY_PACKAGES = {
  // Model: a class (engine/model.ts builds the solver's model in it), so a getter, not a call.
  'javascript-lp-solver': { bundle: 'lp-solver', names: ['Solve'], classes: ['Model'] },
  'csv-parse/sync': { bundle: 'csv-parse-sync', names: ['parse'] },
  // fflate builds its Huffman tables and looks for worker_threads when loaded (~7 ms of `plan --out`),
  // while only a township's large document.xml and an .xlsx input call it.
  fflate: { bundle: 'fflate', names: ['deflateSync', 'unzipSync', 'zipSync', 'gzipSync'] },
};
const commands = [...readFileSync('src/cli/main.ts', 'utf8').matchAll(/import\('\.\/([a-z-]+)\.js'\)/g)].map((m) => m[1]);
const bundles = {
  main: 'src/cli/cli.ts',
  ...Object.fromEntries(commands.map((c) => [c, `src/cli/${c}.ts`])),
  // rota plan --out and --json: the publication, so that the plan on the screen does not compile it.
  'plan-out': 'src/cli/plan-out.ts',
  'plan-files': 'src/io/plan-files.ts',
  publish: 'src/io/publish.ts',
  // The .docx 公告 and change notice: their text writers and template, loaded only when files are written.
  docx: 'src/io/docx/index.ts',
  // rota plan --batch: the worker pool, and the thread that plans one office at a time.
  batch: 'src/cli/batch.ts',
  'batch-worker': 'src/cli/batch-worker.ts',
  // The .xlsx reader (fast-xml-parser, fflate), loaded at the first .xlsx input (see lazyBundles).
  xlsx: 'src/io/xlsx.ts',
  // chalk, loaded at the first coloured output (see lazyBundles): a file or a pipe has no colour.
  colours: 'src/cli/colours.ts',
  // The CSV parsing thread of rota check (src/io/table-stream.ts looks for it beside the bundle).
  'csv-worker': 'src/io/csv-worker.ts',
  // The message catalogue, used by main, every command and the published files: compiled and run
  // once however many bundles a run loads (three for rota plan --out).
  messages: 'src/core/messages.ts',
  // Packages loaded at their first call (see lazyPackages).
  ...Object.fromEntries(Object.entries(LAZY_PACKAGES).map(([pkg, { bundle }]) => [bundle, pkg])),
};
/** Bundles that every import of their source becomes a require of, not only a dynamic one. */
const shared = new Set(['messages']);
const bundleOf = new Map(Object.entries(bundles).map(([name, src]) => [resolve(src), name]));
const siblingBundles = {
  name: 'sibling-bundles',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      const name = bundleOf.get(resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts'));
      return name && (args.kind === 'dynamic-import' || shared.has(name)) ? { path: `./${name}.cjs`, namespace: 'sibling' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'sibling' }, (args) => {
      const name = args.path.slice(2, -'.cjs'.length);
      const bundle = JSON.stringify(args.path);
      if (!shared.has(name)) return { contents: `module.exports = require(${bundle});` };
      // A shared bundle loads at the first use of one of its exports: rota --help never needs the messages.
      const names = [...readFileSync(bundles[name], 'utf8').matchAll(/^export (?:const|function) (\w+)/gm)].map((m) => m[1]);
      const get = (n) => `Object.defineProperty(exports, '${n}', { enumerable: true, get: () => real().${n} });`;
      return {
        contents: [
          `let m; const real = () => (m ??= require(${bundle}));`,
          get('__esModule').replace('real().__esModule', 'true'),
          ...names.map(get),
        ].join('\n'),
      };
    });
    b.onResolve({ filter: /\.cjs$/, namespace: 'sibling' }, (args) => ({ path: args.path, external: true }));
  },
};
// commander (for executable subcommands) and javascript-lp-solver (for an external lp_solve) load
// child_process, with net, dgram and streams, at start; rota uses neither feature. They get a
// stand-in that loads the real module only if ever called.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    const users = ['commander', 'javascript-lp-solver'].map((p) => join('node_modules', p, ''));
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      users.some((u) => args.importer.includes(u)) ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: `const real = () => require('node:child_process');
        exports.spawn = (...args) => real().spawn(...args);
        exports.execFile = (...args) => real().execFile(...args);`,
    }));
  },
};
// Bundles whose importers get a stand-in: each exported function requires the bundle at its first
// call. The .xlsx reader is a sixth of rota plan's code, and most inputs are CSV files; chalk's set-up
// of its styles (~0.5 ms at load) is for a terminal only.
const lazyBundles = new Set(['xlsx', 'colours']);
const lazySiblings = {
  name: 'lazy-siblings',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      const source = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      const name = bundleOf.get(source);
      return lazyBundles.has(name) && args.kind !== 'entry-point'
        ? { path: source, namespace: 'lazy-sibling', pluginData: name }
        : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-sibling' }, (args) => {
      const names = [...readFileSync(args.path, 'utf8').matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
      const bundle = JSON.stringify(`./${args.pluginData}.cjs`);
      return { contents: names.map((n) => `exports.${n} = (...args) => require(${bundle}).${n}(...args);`).join('\n'), loader: 'js' };
    });
    b.onResolve({ filter: /\.cjs$/, namespace: 'lazy-sibling' }, (args) => ({ path: args.path, external: true }));
  },
};
// Each lazy package's importers get a stand-in whose functions require its bundle at the first call
// (its ES build's default export, or its CommonJS exports).
const lazyPackages = {
  name: 'lazy-packages',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(LAZY_PACKAGES).join('|')})$`);
    b.onResolve({ filter }, (args) => (args.kind === 'entry-point' ? undefined : { path: args.path, namespace: 'lazy-package' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
      const { bundle, names, classes = [] } = LAZY_PACKAGES[args.path];
      const real = `const real = () => { const m = require(${JSON.stringify(`./${bundle}.cjs`)}); return m.default ?? m; };`;
      const calls = names.map((n) => `exports.${n} = (...args) => real().${n}(...args);`);
      const getters = classes.map((n) => `Object.defineProperty(exports, '${n}', { enumerable: true, get: () => real().${n} });`);
      return { contents: [real, ...calls, ...getters].join('\n'), loader: 'js' };
    });
    b.onResolve({ filter: /\.cjs$/, namespace: 'lazy-package' }, (args) => ({ path: args.path, external: true }));
  },
};
// src/io/node-require.ts imports node:module for createRequire, which only the library's ES build calls
// (a bundle has require); loading it loads the ES module loader too (~0.3 ms of plan --out).
const lazyNodeModule = {
  name: 'lazy-node-module',
  setup(b) {
    b.onResolve({ filter: /^node:module$/ }, (args) =>
      args.importer.endsWith(join('src', 'io', 'node-require.ts')) ? { path: 'module', namespace: 'lazy-module' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-module' }, () => ({
      contents: `exports.createRequire = (...args) => require('node:module').createRequire(...args);`,
    }));
  },
};
// chalk detects colour support when loaded, loading tty, os and net even for output to a file;
// src/cli/style.ts gives it the level instead, so it gets the detection that finds nothing.
const quietChalk = {
  name: 'quiet-chalk',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => ({ path: join(args.resolveDir, 'vendor', 'supports-color', 'browser.js') }));
  },
};
await build({
  entryPoints: bundles,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outdir: 'dist/cli',
  outExtension: { '.js': '.cjs' },
  // Loaded from node_modules when a command needs them: iconv-lite's tables, the ledger's databases (sql.js
  // finds its WebAssembly file beside it), the .docx writer.
  external: ['iconv-lite', 'sql.js', 'pg', 'proper-lockfile'],
  plugins: [lazySiblings, lazyPackages, siblingBundles, lazyChildProcess, lazyNodeModule, quietChalk, compactHolidays],
  logOverride: { 'empty-import-meta': 'silent' },
  minify: true,
  logLevel: 'warning',
});
asciiBundles(
  readdirSync('dist/cli')
    .filter((f) => f.endsWith('.cjs'))
    .map((f) => join('dist/cli', f)),
);

// The browser app dist/排班助手.html (rota app --out DIR writes a copy).
await import('./build-app.mjs');

// Warm-up runs write V8's code cache beside each bundle they use (bin/rota.js), so a clerk's first run is fast.
// A cache holds what its runs compiled: `plan --out` runs the plan, the table it prints and the
// published files, so neither `rota plan` nor `rota plan --out` compiles anything at start. Each run
// adds to the caches it starts from (ROTA_CODE_CACHE=add), so main's holds commander's parsing for
// the plan and its help too. The short run comes last: a long run's garbage collections may drop the
// compiled code of functions it does not call.
// (The seed's history does not meet every rule, so check exits 1 there: its status is not asked.)
const warmUp = mkdtempSync(join(tmpdir(), 'rota-warm-up-'));
const adding = { env: { ...process.env, ROTA_CODE_CACHE: 'add' } };
execFileSync(process.execPath, ['bin/rota.js', 'plan', '-c', 'fixtures/rota.json', '--out', join(warmUp, 'out')], {
  stdio: 'ignore',
  ...adding,
});
rmSync(warmUp, { recursive: true, force: true });
spawnSync(process.execPath, ['bin/rota.js', 'check', '-c', 'fixtures/rota.json'], adding);
// Its text is dist/cli/help.txt, which bin/rota.js prints for rota --help to a file or a pipe without
// loading main: commander's, at its default width (a pipe has none), in one write (a pipe takes up to
// 4 KB whole). A terminal's help (and rota help) stays commander's, so main's cache still wants it.
const help = execFileSync(process.execPath, ['bin/rota.js', '--help'], adding);
if (help.length >= 4096)
  throw new Error(`rota --help is ${help.length} bytes: bin/rota.js writes dist/cli/help.txt in one write of under 4 KB`);
writeFileSync('dist/cli/help.txt', help);

// The library's type declarations: src only (the tests are type-checked by npm run typecheck, not shipped).
execFileSync(
  process.execPath,
  [
    'node_modules/typescript/bin/tsc',
    '-p',
    'tsconfig.build.json',
    '--noEmit',
    'false',
    '--declaration',
    '--emitDeclarationOnly',
    '--outDir',
    'dist/types',
  ],
  { stdio: 'inherit' },
);
