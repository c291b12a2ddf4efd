import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const rota = (args: string[]) => execFileSync('node', ['bin/rota.js', ...args], { encoding: 'utf8' });

describe('rota calendar on the seed round', () => {
  it('lists exactly the 12 working days 12-11, 12, 13, 16-20, 23-26', () => {
    const out = JSON.parse(rota(['calendar', '-c', 'fixtures/rota.json', '--json']));
    expect(out.workingDays.map((d: { date: string }) => d.date.slice(5))).toEqual([
      '12-11', '12-12', '12-13', '12-16', '12-17', '12-18', '12-19', '12-20', '12-23', '12-24', '12-25', '12-26',
    ]);
  });
});
