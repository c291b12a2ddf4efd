// How the CLI ends: problems on stderr, exit 2 for bad input or usage, never a stack trace.
import { LIMITS } from '../core/limits.js';
import { say } from '../core/messages.js';
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

/** Prints problems, errors first, at most LIMITS.problemsShown of them and a count of the rest (with `uncounted` not kept). */
export function printProblems(problems: Problem[], uncounted = 0): void {
  const ordered = hasErrors(problems)
    ? [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity !== 'error')]
    : problems;
  for (const p of ordered.slice(0, LIMITS.problemsShown)) writeErr(`${formatProblem(p)}\n`);
  const rest = Math.max(0, ordered.length - LIMITS.problemsShown) + uncounted;
  if (rest > 0) writeErr(`${say('limit.more-problems', { shown: Math.min(ordered.length, LIMITS.problemsShown), rest })}\n`);
}

/** Prints warnings; on any error prints them (see printProblems) and stops with exit code 2. */
export function reportProblems(problems: Problem[]): void {
  printProblems(problems);
  if (hasErrors(problems)) {
    const n = problems.filter((p) => p.severity === 'error').length;
    throw new Exit(2, `输入有 ${n} 处错误，未写出任何文件。${n} error${n > 1 ? 's' : ''} in the input; nothing was written.`);
  }
}
