// The one place the CLI reads the clock: today's date in Beijing time, for --today left out.
import { parseDate } from '../core/dates.js';
import { say } from '../core/messages.js';
import type { IsoDate } from '../core/types.js';
import { Exit } from './exit.js';

export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** --today as a date (default: today in China); exit 2 naming the option when it is not one. */
export function todayOption(text: string | undefined): IsoDate {
  const today = text === undefined ? todayInChina() : parseDate(text);
  if (!today) throw new Exit(2, say('option.date', { option: '--today', got: text ?? '' }));
  return today;
}
