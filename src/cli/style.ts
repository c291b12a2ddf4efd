// Colours only for a terminal and never when NO_COLOR is set (https://no-color.org), which chalk 5
// itself does not read. The level is worked out here rather than by chalk's own detection, which
// loads tty, os and net at start-up even when the output is a file (scripts/build.mjs leaves it out).
import { type Painter, PLAIN } from '../io/check-format.js';
import { chalkAt } from './colours.js';
import { terminal } from './output.js';

let instance: Painter | undefined;

/** The colours for standard output: none (the text as it is) for a file, a pipe or NO_COLOR, else chalk's at the terminal's level. */
export function paint(): Painter {
  if (!instance) {
    const level = colourLevel();
    instance = level === 0 ? PLAIN : chalkAt(level);
  }
  return instance;
}

/** 0 none, 1 16 colours, 2 256, 3 millions: FORCE_COLOR as chalk reads it, else what the terminal says. */
function colourLevel(): 0 | 1 | 2 | 3 {
  const { NO_COLOR, FORCE_COLOR } = process.env;
  if (NO_COLOR) return 0;
  if (FORCE_COLOR !== undefined) {
    if (FORCE_COLOR === '' || FORCE_COLOR === 'true') return 1;
    const n = Number(FORCE_COLOR);
    return n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 0;
  }
  const out = terminal(1);
  if (!out) return 0;
  const depth = out.getColorDepth();
  return depth >= 24 ? 3 : depth >= 8 ? 2 : depth >= 4 ? 1 : 0;
}
