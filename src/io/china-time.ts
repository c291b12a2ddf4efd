// Beijing time without a time-zone library: China has kept UTC+8 without daylight saving since 1991
// (see chinaVtimezone in ics.ts), so a time there is a fixed offset from UTC; Intl's time-zone data
// cost 20-170 ms of a run at its first use.
const OFFSET_MS = 8 * 60 * 60_000;

/** Today's date in Beijing (2024-12-11). */
export const todayInChina = (now: Date = new Date()): string => new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** Beijing's wall-clock time at an instant, to the second (2024-12-11 09:30:05), for a clerk's message. */
export const chinaClock = (ms: number): string => new Date(ms + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

/** The instant of a Beijing date and wall-clock time (2024-12-11, 09:30). */
export function chinaInstant(date: string, time = '00:00'): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh, mm) - OFFSET_MS);
}
