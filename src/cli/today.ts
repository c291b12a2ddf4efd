// The one place the CLI reads the clock: today's date in Beijing time, for --today left out.
import { parseDate } from '../core/dates.js';
import { say } from '../core/messages.js';
import type { IsoDate } from '../core/types.js';
import { todayInChina } from '../io/china-time.js';
import { Exit } from './exit.js';

export { todayInChina };

/** --today as a date (default: today in China); exit 2 naming the option when it is not one. */
export function todayOption(text: string | undefined): IsoDate {
  const today = text === undefined ? todayInChina() : parseDate(text);
  if (!today) throw new Exit(2, say('option.date', { option: '--today', got: text ?? '' }));
  return today;
}
