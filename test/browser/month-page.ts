// What the month calendar shows, read the same way by every test of it.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** expect.poll with time for a loaded machine (its default is one second). */
export const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 30_000 });

/** The month's duties as shown: id, date, leader, and the verdict shown while a duty is held. */
export const chips = (page: Page) =>
  page.$$eval('#month-grid button.duty', (bs) =>
    bs.map((b) => ({
      id: b.id,
      date: b.closest('td')?.getAttribute('data-date') ?? '',
      name: b.querySelector('.who')?.textContent ?? '',
      verdict: b.getAttribute('data-verdict') ?? '',
      shown: b.querySelector('.verdict')?.textContent ?? '',
    })),
  );
