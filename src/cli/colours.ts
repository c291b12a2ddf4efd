// chalk at a colour level: its own bundle (scripts/build.mjs), loaded at the first coloured output,
// so output to a file or a pipe, which has no colour, never runs chalk's set-up of its styles.
import { Chalk } from 'chalk';
import type { Painter } from '../io/check-format.js';

export function chalkAt(level: 1 | 2 | 3): Painter {
  return new Chalk({ level });
}
