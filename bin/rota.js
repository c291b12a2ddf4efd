#!/usr/bin/env node
// Starts the CLI (dist/cli/main.cjs) from V8's code cache: compiling a bundle is most of rota's
// start-up time. Each command is its own bundle (dist/cli/plan.cjs, …), loaded when it runs, through
// the same cache (NAME.cache beside it). A missing cache, or one V8 rejects after a rebuild or a Node
// upgrade, is written afresh at exit, best effort. CommonJS (see bin/package.json), because Node's
// ES module loader alone costs several milliseconds at start-up; for the same reason node:module is
// not loaded (the bundles are wrapped as Node wraps a CommonJS module, and get this file's require).
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dir = join(__dirname, '..', 'dist', 'cli');
const loaded = new Map();

function load(file) {
  if (loaded.has(file)) return loaded.get(file).exports;
  const cacheFile = file.replace(/\.cjs$/, '.cache');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'utf8')}\n});`, {
    filename: file,
    cachedData,
  });
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
  const mod = { exports: {} };
  loaded.set(file, mod);
  script.runInThisContext().call(mod.exports, mod.exports, requireBundle, mod, file, dir);
  return mod.exports;
}

/** The bundles' require: a sibling bundle (./plan.cjs) through load(); Node's built-ins and iconv-lite as usual. */
const requireBundle = Object.assign((id) => (id.startsWith('./') && id.endsWith('.cjs') ? load(join(dir, id)) : require(id)), require);

load(join(dir, 'main.cjs'));
