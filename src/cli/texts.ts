// commander's own texts in the clerk's language: help headings, the help and version options, and its
// error messages (unknown option, missing argument …) rewritten as catalogue sentences, Chinese first.
import { type Command, Help, type Option } from 'commander';
import { type MessageArgs, type MessageCode, say } from '../core/messages.js';

const TITLES: Record<string, string> = {
  'Usage:': '用法 Usage:',
  'Arguments:': '参数 Arguments:',
  'Options:': '选项 Options:',
  'Commands:': '命令 Commands:',
  'Global Options:': '通用选项 Global Options:',
};

/** "(default: x, choices: …)" after an option or argument, in both languages. */
const extras = (text: string) => text.replace(/\(default: /g, '(默认 default: ').replace(/choices: /g, '可选 choices: ');

type Rewrite = { [C in MessageCode]: [RegExp, C, (m: RegExpExecArray) => MessageArgs<C>] }[MessageCode];

/** commander's error sentences (lib/command.js) and the catalogue sentence each becomes. */
const ERRORS: Rewrite[] = [
  [/^error: unknown option '([^']+)'/, 'option.unknown', (m) => ({ option: m[1] })],
  [/^error: option '([^']+)' argument missing/, 'option.missing-argument', (m) => ({ option: m[1] })],
  [/^error: required option '([^']+)' not specified/, 'option.required', (m) => ({ option: m[1] })],
  [/^error: missing required argument '([^']+)'/, 'argument.missing', (m) => ({ argument: m[1] })],
  [/^error: unknown command '([^']+)'/, 'command.unknown', (m) => ({ command: m[1] })],
  [/^error: too many arguments.*but got (\d+)/, 'argument.excess', (m) => ({ got: m[1] })],
  [
    /^error: option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./,
    'option.choice',
    (m) => ({ option: m[1], choices: m[3].split(', '), got: m[2] }),
  ],
];

/** One commander error message as the clerk reads it; an unknown one keeps its English after a Chinese lead. */
export function translateError(text: string): string {
  const [first, ...rest] = text.trimEnd().split('\n');
  let out = `命令行有误 ${first}`;
  for (const [re, code, args] of ERRORS) {
    const m = re.exec(first);
    if (m) out = `错误 ${say(code, args(m) as never)}`;
  }
  const hints = rest.map((line) => line.replace(/^\(Did you mean (?:one of )?(.+)\?\)$/, '（是不是要写 $1？Did you mean $1?）'));
  return `${[out, ...hints].join('\n')}\n`;
}

/** Sets the help and version options, help headings and error texts on the program (subcommands inherit them). */
export function localise(program: Command, version: string): Command {
  return program
    .version(version, '-V, --version', '显示版本号 output the version number')
    .helpOption('-h, --help', '显示帮助 display help for command')
    .helpCommand('help [command]', '显示某个命令的帮助 display help for command')
    .configureHelp({
      styleTitle: (s: string) => TITLES[s] ?? s,
      optionDescription(this: Help, o: Option) {
        return extras(Help.prototype.optionDescription.call(this, o));
      },
      argumentDescription(this: Help, a: Parameters<Help['argumentDescription']>[0]) {
        return extras(Help.prototype.argumentDescription.call(this, a));
      },
    })
    .configureOutput({ outputError: (s, write) => write(translateError(s)) });
}
