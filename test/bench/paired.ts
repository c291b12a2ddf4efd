// Paired runs: the measured command and its reference alternate, pair after pair, so both see the
// same load on a shared machine; the figure is the median of the per-pair ratios.
import { spawnSync } from 'node:child_process';

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let lastStdout = '';

/** Wall time of one run in ms; throws if the command does not exit with one of `codes` (or runs past the timeout). */
export function timeRun(args: string[], codes = [0], timeoutMs?: number): number {
  const t = performance.now();
  const r = spawnSync(args[0], args.slice(1), {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  if (!codes.includes(r.status ?? -1)) throw new Error(`${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  lastStdout = r.stdout;
  return ms;
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

/** `pairs` runs of `args`, each beside a run of `reference` (default: bare node). */
export function paired(args: string[], pairs: number, reference: () => number = () => timeRun(BARE_NODE), timeoutMs?: number): Paired {
  const ratios: number[] = [];
  const mine: number[] = [];
  const refs: number[] = [];
  let stdout = '';
  for (let i = 0; i < pairs; i++) {
    const ref = reference();
    const ms = timeRun(args, [0], timeoutMs);
    stdout = lastStdout;
    ratios.push(ms / ref);
    mine.push(ms);
    refs.push(ref);
  }
  return { ratio: median(ratios), ms: median(mine), referenceMs: median(refs), stdout };
}

export const ratioText = (r: number, goal?: number) =>
  `${r.toFixed(2)}×${goal === undefined ? '' : r <= goal ? ` ≤ ${goal} ✓` : ` > ${goal} ✗`}`;
