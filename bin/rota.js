#!/usr/bin/env node
// Starts the CLI bundle (dist/cli.cjs) from V8's code cache (dist/cli.cache, made by `npm run build`):
// compiling the bundle is most of rota's start-up time. A cache from another Node version or an older
// bundle is rejected by V8 and the script is compiled as usual. CommonJS (see bin/package.json),
// because Node's ES module loader alone costs several milliseconds at start-up.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');
const { Script } = require('node:vm');

const dir = join(__dirname, '..', 'dist');
const file = join(dir, 'cli.cjs');
const cacheFile = join(dir, 'cli.cache');
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
if (process.env.ROTA_WRITE_CODE_CACHE === '1') process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
const cli = { exports: {} };
script.runInThisContext().call(cli.exports, cli.exports, Module.createRequire(file), cli, file, dir);
