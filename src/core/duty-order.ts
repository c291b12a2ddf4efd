// One order for duties wherever they are shown or written (page, CSV, ICS): date, kind,
// institution order, then name — never the order of an unsorted input.
import type { Config } from './config.js';
import type { Duty } from './types.js';

const KIND_ORDER = ['接访', '下访'];
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortDuties(duties: readonly Duty[], config: Pick<Config, 'institutions'>): Duty[] {
  const inst = new Map(config.institutions.map((i, k) => [i.name, k]));
  const rank = (d: Duty) => inst.get(d.institution) ?? Number.MAX_SAFE_INTEGER;
  return [...duties].sort(
    (a, b) =>
      cmp(a.date, b.date) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      rank(a) - rank(b) ||
      cmp(a.institution, b.institution) ||
      cmp(a.name, b.name),
  );
}

/** Each duty with its slot: its position among the same day's duties of the same kind. */
export function dutySlots(duties: readonly Duty[], config: Pick<Config, 'institutions'>): Array<{ duty: Duty; slot: number }> {
  const count = new Map<string, number>();
  return sortDuties(duties, config).map((duty) => {
    const key = `${duty.date}|${duty.kind}`;
    const slot = count.get(key) ?? 0;
    count.set(key, slot + 1);
    return { duty, slot };
  });
}
