// Paired runs: the measured command and its reference alternate, pair after pair, so both see the
// same load on a shared machine; the figure is the median of the per-pair ratios. Every run has a
// cap: a command still running at its cap is stopped and its case reported as "> cap".
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A run stopped at its cap. */
export class OverCap extends Error {
  constructor(readonly capMs: number) {
    super(`> ${capMs / 1000} s cap`);
  }
}

export interface Run {
  ms: number;
  stdout: string;
}

/** Who a run is and what it sees: a user id (a read-only install as root) and its environment. */
export type RunAs = Pick<SpawnSyncOptions, 'uid' | 'gid' | 'env'>;

/** One run of `args`; throws OverCap past `capMs`, or an Error if it does not exit with one of `codes`. */
export function timeRun(args: string[], codes = [0], capMs?: number, as: RunAs = {}): Run {
  const t = performance.now();
  const r = spawnSync(args[0], args.slice(1), {
    ...as,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: capMs,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t;
  if (capMs !== undefined && (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') throw new OverCap(capMs);
  if (r.error) throw r.error;
  if (!codes.includes(r.status ?? -1)) throw new Error(`${args.slice(1).join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  return { ms, stdout: r.stdout };
}

/** What a case's cell says when it did not finish: "> 60 s cap", or the first words of its error. */
export function failedCell(e: unknown): string {
  return e instanceof OverCap ? e.message : `error: ${(e as Error).message.slice(0, 120)}`;
}

export interface Paired {
  /** Median of the per-pair ratios (command / reference). */
  ratio: number;
  ms: number;
  referenceMs: number;
  /** The command's output in its last run. */
  stdout: string;
}

export const BARE_NODE = [process.execPath, '-e', '0'];

/** `pairs` runs of `args` (as `as`), each beside a run of `reference` (default: bare node), each run capped at `capMs`, `before` called before each (untimed). */
export function paired(
  args: string[],
  pairs: number,
  reference: () => number = () => timeRun(BARE_NODE).ms,
  capMs?: number,
  before?: () => void,
  as?: RunAs,
): Paired {
  const ratios: number[] = [];
  const mine: number[] = [];
  const refs: number[] = [];
  let stdout = '';
  for (let i = 0; i < pairs; i++) {
    before?.();
    const ref = reference();
    const run = timeRun(args, [0], capMs, as);
    stdout = run.stdout;
    ratios.push(run.ms / ref);
    mine.push(run.ms);
    refs.push(ref);
  }
  return { ratio: median(ratios), ms: median(mine), referenceMs: median(refs), stdout };
}

export const ratioText = (r: number, goal?: number) =>
  `${r.toFixed(2)}×${goal === undefined ? '' : r <= goal ? ` ≤ ${goal} ✓` : ` > ${goal} ✗`}`;
