// Which institution serves on which working day (seed 四、(一)1: 区委 → 区人大 → 区政府 → 区政协 →
// 区人民法院 → 区人民检察院). cycle: day n belongs to order[(start + n) mod k]. blocks: the order is
// kept but each institution gets a run of consecutive days, in proportion to its eligible leaders.
// none: no order at all (township and county rotations: any institution's leader on any day).
import type { OrderMode } from './config.js';
import type { IsoDate } from './types.js';

export interface OrderInput {
  days: IsoDate[];
  /** Institution names in duty order. */
  order: string[];
  mode: OrderMode;
  /** Position in the order the round begins with (continues where the last round stopped). */
  start: number;
  /** Eligible leaders per institution; used by blocks. */
  eligible: ReadonlyMap<string, number>;
}

/** Institution serving each day, in day order ('' for every day when the mode is none: any institution). */
export function institutionsForDays(input: OrderInput): string[] {
  if (input.mode === 'none') return input.days.map(() => '');
  const k = input.order.length;
  const rotated = input.order.map((_, i) => input.order[(input.start + i) % k]);
  if (input.mode === 'cycle') return input.days.map((_, n) => rotated[n % k]);
  const counts = blockSizes(
    input.days.length,
    rotated.map((name) => input.eligible.get(name) ?? 0),
  );
  return rotated.flatMap((name, i) => Array<string>(counts[i]).fill(name));
}

/**
 * Splits `total` days in proportion to `weights` by the largest-remainder method; ties go to the
 * institution earlier in the order. With no weight at all, days are split evenly.
 */
export function blockSizes(total: number, weights: number[]): number[] {
  const w = weights.some((x) => x > 0) ? weights : weights.map(() => 1);
  const sum = w.reduce((a, b) => a + b, 0);
  const quotas = w.map((x) => (total * x) / sum);
  const sizes = quotas.map(Math.floor);
  let left = total - sizes.reduce((a, b) => a + b, 0);
  const byRemainder = quotas.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    sizes[i]++;
  }
  return sizes;
}
