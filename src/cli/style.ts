// Colours only for a terminal (chalk checks TTY and FORCE_COLOR) and never when NO_COLOR is set
// (https://no-color.org), which chalk 5 itself does not read.
import { Chalk, type ChalkInstance } from 'chalk';

let instance: ChalkInstance | undefined;

export function paint(): ChalkInstance {
  instance ??= process.env.NO_COLOR ? new Chalk({ level: 0 }) : new Chalk();
  return instance;
}
