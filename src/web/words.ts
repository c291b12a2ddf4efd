// The CLI's problems in the page's words: where a fix names a command-line option, the current
// folder or a command, the page names its own control instead (test/app-words.test.ts walks the
// catalogue so that no sentence the page can show says 命令后, 当前文件夹 or --option).
import type { MessageCode } from '../core/messages.js';
import type { Problem } from '../core/types.js';

type Rewrite = (message: string) => string;

const PAGE: Partial<Record<MessageCode, Rewrite>> = {
  'input.none': (m) => {
    const what = /^没有(.+?)；/.exec(m)?.[1] ?? '领导名单';
    const en = what === '领导名单' ? 'leader list' : 'records';
    return `还没有${what}；请在「2 名单」中选择${what}文件（可分几次选择，都会加入列表）。no ${en} yet: pick the files under 2`;
  },
  'file.unreadable': (m) => m.replace('；请检查文件名和所在文件夹（路径相对于当前文件夹或配置文件）', '；请重新选择这个文件'),
  'csv.column-missing': (m) => m.replace('几个名单请写 --leaders a.csv --leaders b.csv', '请在「领导名单」中选择它'),
  'config.window-too-long': (m) =>
    m.replace(/例如 --from (\S+) --to (\S+?)，再 --from (\S+?) …/, '例如起始日期 $1、结束日期 $2，下一轮从 $3 起'),
  'holidays.unknown-year': (m) => m.replace('（--holidays 或 rota.json 的 holidays，', '（在「2 名单」的「节假日」中选择，'),
  'timetable.differs-from-leaders': (m) =>
    m
      .replace('，或加 --fix-from-leaders 按名单改正', '，或照领导名单改正后重新选择')
      .replace('; correct it, or give --fix-from-leaders', '; correct it'),
  'config.office-fields': (m) =>
    m.replace(/请在 rota\.json 中写上 .*?published（发布日期）/, '请在「5 导出」下方「只有本单位能填的内容」中填写（或写进配置文件）'),
  'institution.township-kind': (m) => m.replace(/用 rota init --preset township --kind \S+?，或/, ''),
  'limit.leaders': (m) => m.replace('（rota plan --batch）', '').replace(' (plan --batch)', ''),
  'limit.cells': (m) => m.replace('请缩短起止日期（--from、--to）', '请在「1 设置」中缩短起止日期'),
  // An export refused because a day before 今天 changed: the page's 今天 is what the CLI's --today is.
  'publish.past': (m) => m.replace('请用 --today 写出那一天', '请把「今天」改为那一天'),
  'timetable.outside-window': (m) =>
    m.replace('请用 -c 指定这张时间表所属一轮的配置（或 --from/--to）', '请选择这张时间表所属一轮的配置文件（或在「1 设置」中改起止日期）'),
};

/** The problem as the page says it (unchanged unless its fix speaks of the command line). */
export function forPage(p: Problem): Problem {
  const rewrite = PAGE[p.code];
  return rewrite ? { ...p, message: rewrite(p.message) } : p;
}

/** A refusal the worker hands over as text, not as a problem (an exchange touching a day before 今天), in the page's words. */
export const refusalForPage = (text: string): string => PAGE['publish.past']?.(text) ?? text;
