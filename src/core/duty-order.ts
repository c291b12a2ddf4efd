// One order for duties wherever they are shown or written (page, CSV, ICS): date, session (上午 before
// 下午, or the order the round's slots give), kind, place, role, institution order, then name — never
// the order of an unsorted input. A round without sessions, places or roles sorts as it always has.
import type { Config } from './config.js';
import { SESSIONS } from './slot-text.js';
import { DUTY_ROLES } from './slots.js';
import type { Duty } from './types.js';

const KIND_ORDER = ['接访', '下访'];
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type OrderConfig = Pick<Config, 'institutions'> & Partial<Pick<Config, 'slots'>>;

/** Position of `x` in the slots' order first, then in the default order; absent values come first. */
function ranker(fromSlots: ReadonlyArray<string | undefined>, fallback: readonly string[]): (x: string | undefined) => number {
  const order = [...new Set([...fromSlots.filter((x): x is string => !!x), ...fallback])];
  return (x) => (x === undefined ? -1 : order.indexOf(x) < 0 ? order.length : order.indexOf(x));
}

export function sortDuties(duties: readonly Duty[], config: OrderConfig): Duty[] {
  const inst = new Map(config.institutions.map((i, k) => [i.name, k]));
  const rank = (d: Duty) => inst.get(d.institution) ?? Number.MAX_SAFE_INTEGER;
  const slots = config.slots ?? [];
  const session = ranker(
    slots.map((s) => s.session),
    SESSIONS,
  );
  const role = ranker(
    slots.map((s) => s.role),
    DUTY_ROLES,
  );
  const place = ranker(
    slots.map((s) => s.place?.name),
    [],
  );
  // Places a reception hall apart: the slots' places in their order, others by name. 下访 sites stay
  // in institution order, as the seed's timetable has them.
  const placeOrder = (a: Duty, b: Duty) =>
    a.kind === '下访' ? 0 : place(placeName(a, slots)) - place(placeName(b, slots)) || cmp(a.place, b.place);
  return [...duties].sort(
    (a, b) =>
      cmp(a.date, b.date) ||
      session(a.session) - session(b.session) ||
      cmp(a.session ?? '', b.session ?? '') ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      placeOrder(a, b) ||
      role(a.role) - role(b.role) ||
      rank(a) - rank(b) ||
      cmp(a.institution, b.institution) ||
      cmp(a.name, b.name),
  );
}

/** The slot place a duty's place text starts with (区人民群众信访服务中心（…）→ 区人民群众信访服务中心). */
function placeName(d: Duty, slots: NonNullable<Config['slots']>): string | undefined {
  return slots.find((s) => s.place && d.place.startsWith(s.place.name))?.place?.name;
}

/**
 * Each duty with its slot: its position among the same day's duties of the same kind, session, place
 * and role (see slotKey in src/io/ics.ts for which of these a key names).
 */
export function dutySlots(duties: readonly Duty[], config: OrderConfig): Array<{ duty: Duty; slot: number }> {
  const count = new Map<string, number>();
  return sortDuties(duties, config).map((duty) => {
    const key = slotGroup(duty);
    const slot = count.get(key) ?? 0;
    count.set(key, slot + 1);
    return { duty, slot };
  });
}

/**
 * What a duty's slot is numbered within: the day and kind, and when the duty names a session or a role
 * also the session, place and role (several places on a day without sessions are told apart by their
 * number, in place order). The seed's duties name neither, so their slots and calendar UIDs are what
 * they always were.
 */
export function slotParts(d: Pick<Duty, 'date' | 'kind' | 'session' | 'role' | 'place'>): string[] {
  return d.session || d.role ? [d.date, d.kind, d.session ?? '', d.place, d.role ?? ''] : [d.date, d.kind];
}

const slotGroup = (d: Duty) => slotParts(d).join('\u0000');
