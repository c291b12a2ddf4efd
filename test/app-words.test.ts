// Every sentence the browser app can show is in the page's words: no 命令后, 当前文件夹, --option or
// rota command (the CLI-only families — options, commands, publication folders, batch, init, check,
// the case ledger — never reach the page). Walks the whole catalogue with each entry's example, so a new entry whose
// fix speaks of the command line fails here until src/web/words.ts words it for the page.
import { describe, expect, it } from 'vitest';
import { planFailure } from '../src/app/plan-failure.js';
import { CATALOGUE, type MessageCode, problem, say } from '../src/core/messages.js';
import { forPage, refusalForPage } from '../src/web/words.js';

const CLI_ONLY = new Set(['option', 'command', 'argument', 'publish', 'batch', 'init', 'check', 'verdict', 'case', 'booking']);
/** Of those families, what the page shows too: an export refused because a day before 今天 changed. */
const PAGE_CODES = new Set(['publish.past']);
/** Only the CLI writes folders. */
const CLI_CODES = new Set(['limit.out-system', 'limit.out-not-folder']);
const CLI_WORDS = /命令后|当前文件夹|--[a-z]|\brota (init|plan|replan|swap|render|check)\b|(^|\s)-c\s/;

describe('the page speaks its own words', () => {
  it('no catalogue sentence the page can show names a command-line option, the current folder or a command', () => {
    const shown = (Object.keys(CATALOGUE) as MessageCode[]).filter(
      (c) => (!CLI_ONLY.has(c.split('.')[0]) || PAGE_CODES.has(c)) && !CLI_CODES.has(c),
    );
    expect(shown.length).toBeGreaterThan(50);
    for (const code of shown) {
      const p = problem(code, CATALOGUE[code].example as never);
      expect(forPage(p).message, code).not.toMatch(CLI_WORDS);
    }
    // The CLI keeps its own words.
    expect(problem('input.none', { what: '领导名单' }).message).toContain('命令后');
  });

  it('an exchange touching a day before 今天, refused or judged in the worker as text, names 今天, not --today', () => {
    const text = say('publish.past', { today: '2025-06-02', days: ['2025-01-02'] });
    expect(text).toContain('--today');
    expect(refusalForPage(text)).not.toMatch(CLI_WORDS);
    expect(refusalForPage(text)).toContain('请把「今天」改为那一天');
    expect(refusalForPage('2025-01-02 与自己对调没有变化')).toBe('2025-01-02 与自己对调没有变化');
  });

  it('the leader-list hint of a missing 日期 column and the best-effort head are worded for the page', () => {
    const p = problem('csv.column-missing', { columns: ['日期', 'date'], header: ['姓名', '级别'] }, { file: 'x.csv', line: 1 });
    expect(p.message).toContain('--leaders');
    expect(forPage(p).message).not.toMatch(CLI_WORDS);
    const report = { status: 'best-effort', causes: [], breaks: [] };
    expect(planFailure(report)?.head).toContain('--best-effort');
    expect(planFailure(report, '「排出违反规则最少的方案」')?.head).not.toMatch(CLI_WORDS);
  });
});
