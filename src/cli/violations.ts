// A broken rule as the clerk's problem line: file:line: 列: message, sorted top to bottom.
import type { Violation } from '../core/engine/types.js';
import { problem } from '../core/messages.js';
import type { Problem } from '../core/types.js';

export function violationProblems(violations: Violation[], file: string, severity: Problem['severity'] = 'error'): Problem[] {
  return violations
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (a.v.source?.line ?? 0) - (b.v.source?.line ?? 0) || a.i - b.i)
    .map(({ v }) =>
      problem(
        'rule.broken',
        { sentence: v.message },
        { severity, file: v.source?.file ?? file, line: v.source?.line, field: v.source?.field },
      ),
    );
}
