// A broken rule as the clerk's problem line: file:line: 列: message, sorted top to bottom.
import type { Violation } from '../core/engine/types.js';
import type { Problem } from '../core/types.js';

export function violationProblems(violations: Violation[], file: string, severity: Problem['severity'] = 'error'): Problem[] {
  return violations
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (a.v.source?.line ?? 0) - (b.v.source?.line ?? 0) || a.i - b.i)
    .map(({ v }) => ({
      severity,
      file: v.source?.file ?? file,
      ...(v.source ? { line: v.source.line } : {}),
      ...(v.source?.field ? { field: v.source.field } : {}),
      message: v.message,
    }));
}
