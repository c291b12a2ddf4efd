// Every text the command line shows a clerk is Chinese first: help (commander's own lines too) and
// commander's usage errors. End to end through the built CLI (npm test builds first).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translateError } from '../src/cli/texts.js';

const BIN = join(process.cwd(), 'bin/rota.js');
const rota = (args: string[]) => {
  const r = spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const CJK = /[\u4e00-\u9fff]/;
const COMMANDS = ['init', 'leaders', 'calendar', 'plan', 'render', 'replan', 'swap', 'diff', 'check', 'report'];

describe('help in Chinese first', () => {
  it.each(['', ...COMMANDS])('rota %s --help: every option, argument and command has a Chinese description', (command) => {
    const r = rota([...(command ? [command] : []), '--help']);
    expect(r.code).toBe(0);
    const rows = r.out.split('\n').filter((l) => /^ {2}\S/.test(l));
    expect(rows.length).toBeGreaterThan(1);
    // A row is "  flags  description"; the description is what must be Chinese first.
    for (const row of rows) expect(row.trim().split(/\s{2,}/)[1] ?? '', row).toMatch(CJK);
    for (const title of r.out.split('\n').filter((l) => /^\S.*:/.test(l) && !l.startsWith('rota'))) expect(title).toMatch(CJK);
  });
  it('leaders --help lists only options that work there; check --help says the rules default to the configuration', () => {
    const leaders = rota(['leaders', '--help']).out;
    expect(leaders).not.toContain('--region');
    expect(leaders).not.toContain('--holidays');
    expect(rota(['check', '--help']).out).toContain('默认为配置中的规则');
    expect(rota(['plan', '--help']).out).toContain('种子为 xinjiang');
  });
  it('the program names its help and version options in Chinese', () => {
    const r = rota(['--help']);
    expect(r.out).toContain('-V, --version   显示版本号 output the version number');
    expect(r.out).toContain('-h, --help      显示帮助 display help for command');
    expect(r.out).toMatch(/^用法 Usage: rota/);
  });
});

describe("commander's errors as catalogue sentences", () => {
  it('an unknown option: exit 2, Chinese first, the suggestion kept', () => {
    const r = rota(['plan', '--frob']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n').slice(0, 2)).toEqual([
      "错误 不认识的选项 --frob；用 rota <命令> --help 查看这个命令能用的选项。unknown option '--frob'",
      '（是不是要写 --from？Did you mean --from?）',
    ]);
  });
  it('an unknown command, a missing argument, a bad choice', () => {
    expect(rota(['plna']).err).toMatch(/^错误 不认识的命令 plna；/);
    expect(rota(['diff', 'a.csv']).err).toMatch(/^错误 缺少参数 new；/);
    expect(rota(['plan', '--encoding', 'latin1']).err).toMatch(/^错误 --encoding <enc> 不能是“latin1”；请写 utf-8、gb18030 之一。/);
  });
  it('a message commander may add later keeps its English after a Chinese lead', () => {
    expect(translateError("error: something new 'x'\n")).toBe("命令行有误 error: something new 'x'\n");
  });
});
