#!/usr/bin/env node
// Starts the CLI bundle (dist/cli.cjs) from V8's code cache (dist/cli.cache): compiling the bundle is
// most of rota's start-up time. The first run (or a run after a rebuild or a Node upgrade, when V8
// rejects the cache) writes a fresh cache, best effort. CommonJS (see bin/package.json), because
// Node's ES module loader alone costs several milliseconds at start-up.
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
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
if (cachedData === undefined || script.cachedDataRejected) {
  process.on('exit', () => {
    try {
      const tmp = `${cacheFile}.${process.pid}`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // A read-only install just starts a little slower.
    }
  });
}
const cli = { exports: {} };
script.runInThisContext().call(cli.exports, cli.exports, Module.createRequire(file), cli, file, dir);
