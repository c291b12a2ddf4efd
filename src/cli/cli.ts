import { main } from './main.js';

// A reader that stops early (rota check … | head) is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
// No top-level await: the CLI is bundled as CommonJS scripts (dist/cli/*.cjs) so bin/rota.js can
// start them from V8's code cache.
void main(process.argv).then((code) => {
  process.exitCode = code;
});
