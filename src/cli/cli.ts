import { main } from './main.js';

// No top-level await: the CLI is bundled as CommonJS scripts (dist/cli/*.cjs) so bin/rota.js can
// start them from V8's code cache.
void main(process.argv).then((code) => {
  process.exitCode = code;
});
