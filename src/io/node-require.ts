import { createRequire } from 'node:module';

/**
 * Node's require for packages the CLI bundle leaves out (iconv-lite, sql.js, pg): `require` in the
 * CommonJS bundle and the library build, createRequire under the test runner's ES modules.
 */
export function nodeRequire(): NodeJS.Require {
  return typeof require === 'function' ? require : createRequire(import.meta.url);
}
