// How the CLI ends: problems on stderr, exit 2 for bad input or usage, never a stack trace.
import { formatProblem, hasErrors } from '../core/problems.js';
import type { Problem } from '../core/types.js';
import { writeErr } from './output.js';

/** Thrown to stop a command with a message and an exit code (2 bad input/usage, 1 rule not met). */
export class Exit extends Error {
  constructor(
    readonly code: number,
    message = '',
  ) {
    super(message);
    this.name = 'Exit';
  }
}

/** An Exit from any command: each command is its own bundle with its own copy of the class, so not instanceof. */
export function isExit(e: unknown): e is Exit {
  return e instanceof Error && e.name === 'Exit' && typeof (e as Exit).code === 'number';
}

/** Prints warnings; on any error prints all of them and stops with exit code 2. */
export function reportProblems(problems: Problem[]): void {
  for (const p of problems) writeErr(`${formatProblem(p)}\n`);
  if (hasErrors(problems)) {
    const n = problems.filter((p) => p.severity === 'error').length;
    throw new Exit(2, `输入有 ${n} 处错误，未写出任何文件。${n} error${n > 1 ? 's' : ''} in the input; nothing was written.`);
  }
}
