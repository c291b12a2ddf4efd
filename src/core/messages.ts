// The one message catalogue: every problem rota tells a clerk has a stable code, a Chinese sentence
// (what is wrong), the fix in the clerk's words, and the English after. One table, so a new problem
// is one entry here; docs/messages.md is generated from it and the tests walk every entry.
import { clip, clipList, LIMITS } from './limits.js';
import type { Problem } from './types.js';

export interface MessageEntry<A> {
  /** What is wrong, in Chinese (no final punctuation). */
  zh: (a: A) => string;
  /** What to write or do instead, in Chinese; omitted when the sentence says it all. */
  fix?: (a: A) => string;
  /** The same in English, for the reader who needs it (and for search engines). */
  en: (a: A) => string;
  /** Sample arguments: shown in docs/messages.md and walked by the tests. */
  example: NoInfer<A>;
}

const entry = <A>(e: MessageEntry<A>) => e;
const list = (xs: readonly string[]) => xs.join('、');

/** How dates are written, told once so every date message gives the same advice. */
export const DATE_ADVICE = '请写成 2024-12-15 或 2024年12月15日；连续几天写成 2024-12-15~2024-12-17 或 2024年12月15日至17日';
const DATE_ADVICE_EN = 'expected a date like 2024-12-15 or a range like 2024-12-15~2024-12-17';

/** Why a file could not be read, by Node's error code. */
const FS_WORDS: Record<string, [string, string]> = {
  ENOENT: ['没有这个文件', 'no such file'],
  EISDIR: ['这是一个文件夹，应为文件', 'is a folder, expected a file'],
  EACCES: ['没有读写权限', 'permission denied'],
  EPERM: ['没有读写权限', 'permission denied'],
  EEXIST: ['有同名文件挡住了文件夹', 'a file is in the way of the folder'],
  ENOTDIR: ['有同名文件挡住了文件夹', 'a file is in the way of the folder'],
  ENOSPC: ['磁盘已满', 'the disk is full'],
};
export const fsWords = (code: string, detail: string): [string, string] => FS_WORDS[code] ?? [detail, detail];

export const CATALOGUE = {
  // Files and tables
  'file.unreadable': entry({
    zh: (a: { code: string; detail: string }) => `无法读取文件：${fsWords(a.code, a.detail)[0]}`,
    fix: () => '请检查文件名和所在文件夹（路径相对于当前文件夹或配置文件）',
    en: (a) => `cannot read the file: ${fsWords(a.code, a.detail)[1]}`,
    example: { code: 'ENOENT', detail: 'ENOENT' },
  }),
  'file.too-large': entry({
    zh: (a: { size: string; max: string }) => `文件有 ${a.size}，超过上限 ${a.max}`,
    fix: () => '请确认选对了文件',
    en: (a) => `the file is ${a.size}, more than the ${a.max} rota reads; is it the right file?`,
    example: { size: '300 MB', max: '256 MB' },
  }),
  'file.special': entry({
    zh: (a: { kind: string; kindEn: string }) => `这是${a.kind}，不是普通文件，rota 不读取`,
    fix: () => '请给出 Excel/WPS 保存的文件（读取设备或管道会一直等下去）',
    en: (a) => `this is a ${a.kindEn}, not a regular file, so rota does not read it; give a file saved by Excel/WPS`,
    example: { kind: '字符设备', kindEn: 'character device' },
  }),
  'file.not-picked': entry({
    zh: (a: { name: string }) => `尚未选择文件 ${a.name}`,
    fix: () => '请在页面上对应的位置（领导名单、接访记录等）选择配置文件中写的这个文件',
    en: (a) => `${a.name} has not been picked: pick the file the configuration names on the page`,
    example: { name: 'leaders.csv' },
  }),
  'csv.cell-too-long': entry({
    zh: (a: { length: number; max: number }) => `这一格有 ${a.length} 个字符，最多 ${a.max} 个`,
    fix: () => '请检查是否误粘贴了大段内容',
    en: (a) => `the cell has ${a.length} characters, at most ${a.max} are taken`,
    example: { length: 70000, max: 65536 },
  }),
  'csv.empty': entry({
    zh: () => '文件是空的',
    fix: () => '第一行应是表头（如 姓名,单位,职务,级别），下面每行一条',
    en: () => 'the file is empty; expected a header row',
    example: {},
  }),
  'csv.unreadable': entry({
    zh: (a: { detail: string }) => `无法按 CSV 读取（${a.detail}）`,
    fix: () => '请在 Excel/WPS 中另存为“CSV（逗号分隔）”，引号要成对',
    en: (a) => `not readable as CSV: ${a.detail}`,
    example: { detail: 'Invalid Closing Quote' },
  }),
  'csv.bad-utf8': entry({
    zh: (a: { offset: number }) => `约第 ${a.offset} 字节之后不是有效的 UTF-8 编码`,
    fix: () => '请把整个文件用同一种编码重新保存（Excel：另存为“CSV UTF-8”）',
    en: (a) => `not valid UTF-8 after byte ${a.offset}, though the file began as UTF-8; save the whole file in one encoding`,
    example: { offset: 4096 },
  }),
  'csv.unclosed-quote': entry({
    zh: () => '这一行有一格以引号 " 开始，却没有配对的引号结束它，未使用此文件',
    fix: () => '请删去这个引号，或在这一格末尾补上 "',
    en: () => 'a cell on this line opens a quote that is never closed; delete it or close it',
    example: {},
  }),
  'csv.line-count': entry({
    zh: (a: { records: number; lines: number }) => `读到 ${a.records} 行记录，但文件有 ${a.lines} 行：换行或引号有误，未使用此文件`,
    fix: () => '请在 Excel 中另存为 CSV 后重试',
    en: (a) => `read ${a.records} records but the file has ${a.lines} lines: its line breaks or quotes are broken; save it again as CSV`,
    example: { records: 11, lines: 12 },
  }),
  'csv.truncated': entry({
    zh: (a: { line: number }) => `文件在第 ${a.line} 行的一个字符中间结束，可能没有保存完整`,
    fix: () => '请重新保存或复制此文件',
    en: () => 'the file ends in the middle of a character: it was cut short; save or copy it again',
    example: { line: 3 },
  }),
  'csv.lost-character': entry({
    zh: (a: { value: string }) => `“${a.value}”含有 ? 或 �：文件的编码装不下某个字符（如 GBK 中的 •）`,
    fix: () => '请另存为 CSV UTF-8 并改正这一格',
    en: () => "a character was lost to the file's encoding; save as CSV UTF-8 and correct the cell",
    example: { value: '艾力?买买提' },
  }),
  'csv.control-character': entry({
    zh: (a: { code: string }) => `这一格含有看不见的控制字符 ${a.code}，Word 文件（.docx）装不下，会被去掉`,
    fix: () => '请删去这个字符（多是从别的系统复制来的），再另存',
    en: (a) => `the cell holds an invisible control character ${a.code}, which a Word file cannot hold and leaves out; delete it`,
    example: { code: 'U+0001' },
  }),
  'csv.column-twice': entry({
    zh: (a: { column: string }) => `表头中 ${a.column} 列出现了两次`,
    fix: () => '请删去多余的一列',
    en: (a) => `column ${a.column} appears twice in the header`,
    example: { column: '姓名' },
  }),
  'csv.column-unused': entry({
    zh: (a: { columns: string[]; known: string[] }) => `表头中的 ${list(a.columns)} 列 rota 不使用，这些列的内容未读入`,
    fix: (a) => `若其中有 rota 该读的内容，请把表头改为 ${list(a.known)} 中对应的一个`,
    en: (a) =>
      `column(s) ${a.columns.join(', ')} are not used by rota and were not read; rename a header to one of ${a.known.join(', ')} if rota should read it`,
    example: { columns: ['备注'], known: ['姓名', '单位', '职务', '级别'] },
  }),
  'csv.column-missing': entry({
    zh: (a: { columns: string[]; header: string[] }) => `缺少必填列 ${a.columns[0]}；表头现有：${list(a.header) || '（空）'}`,
    fix: (a) =>
      a.columns[0] === '日期' && a.header.includes('级别')
        ? '这像是领导名单，不是接访记录：几个名单请写 --leaders a.csv --leaders b.csv'
        : `请在第一行加上“${a.columns[0]}”列`,
    en: (a) => `missing required column ${a.columns.join(' / ')}; the header row has: ${a.header.join(', ') || '(nothing)'}`,
    example: { columns: ['姓名', 'name'], header: ['名字', '单位'] },
  }),
  'csv.above-header': entry({
    zh: () => '此行在表头之上，未读',
    fix: () => '表头上面只留标题；此行若是数据，请移到表头之下',
    en: () => 'this row is above the header row and was not read; keep only a title above the header',
    example: {},
  }),
  'xlsx.unreadable': entry({
    zh: (a: { detail: string }) => `无法读取此 Excel 文件：${a.detail}`,
    fix: () => '请在 Excel 或 WPS 中打开后另存为 .xlsx（Excel 工作簿）或 CSV UTF-8',
    en: (a) => `cannot read this Excel file: ${a.detail}; save it again as .xlsx or CSV UTF-8`,
    example: { detail: 'not a readable zip archive' },
  }),
  'xlsx.several-sheets': entry({
    zh: (a: { sheets: string[] }) => `工作簿中有几张工作表都有表头：${list(a.sheets)}，不知道读哪一张`,
    fix: () => '请把名单合并到一张工作表，或把每张另存为各自的文件再分别选用',
    en: (a) => `several sheets have a header row (${a.sheets.join(', ')}); keep one, or save each as its own file`,
    example: { sheets: ['区委', '区政府'] },
  }),
  'project.unreadable': entry({
    zh: (a: { detail: string }) => `无法打开项目文件：${a.detail}`,
    fix: () => '请选择用「保存项目」保存的 .rota 文件',
    en: (a) => `cannot open the project file: ${a.detail}; pick a .rota file saved by 保存项目`,
    example: { detail: '不是 rota 的项目文件 not a rota project' },
  }),
  'json.invalid': entry({
    zh: (a: { column?: number | undefined; detail: string }) => `不是有效的 JSON${a.column ? `（第 ${a.column} 列）` : ''}`,
    fix: () => '请检查逗号、引号和括号是否成对（可用 VS Code 打开，错误处有红线）',
    en: (a) => `not valid JSON${a.column ? ` (column ${a.column})` : ''}: ${a.detail}`,
    example: { column: 3, detail: "Expected ',' or '}' after property value in JSON at position 40" },
  }),

  // The configuration file (rota.json)
  'config.invalid': entry({
    zh: (a: { field: string; expected: string; expectedEn: string; got: string }) => `${a.field} 应为${a.expected}，实际是 ${a.got}`,
    en: (a) => `${a.field}: expected ${a.expectedEn}, got ${a.got}`,
    example: { field: 'from', expected: '真实日期，写成 YYYY-MM-DD', expectedEn: 'a real date written YYYY-MM-DD', got: '"2024-13-01"' },
  }),
  'config.window-too-long': entry({
    zh: (a: { max: number; from: string; to: string; days: number; firstEnd: string; next: string }) =>
      `一轮最长两年（${a.max} 天），${a.from} 至 ${a.to} 共 ${a.days} 天`,
    fix: (a) => `请分成几轮排，例如 --from ${a.from} --to ${a.firstEnd}，再 --from ${a.next} …`,
    en: () => 'a round is at most two years; split it into rounds',
    example: { max: 731, from: '2024-01-01', to: '2026-12-31', days: 1096, firstEnd: '2024-12-31', next: '2025-01-01' },
  }),
  'config.slots-conflict': entry({
    zh: (a: { field: string; written: string; kind: string; leaders: number }) =>
      `写了 slots 又写了 ${a.field}（${a.written}）：slots 规定每个接访日${a.kind} ${a.leaders} 名领导，两者不一致`,
    fix: (a) => `删去 ${a.field}（每天的人数由 slots 各时段的 leaders 相加），或改 slots 的 leaders`,
    en: (a) =>
      `${a.field} (${a.written}) contradicts slots, which take ${a.leaders} leaders for ${a.kind} each duty day; remove ${a.field} (slots set the count) or change the slots' leaders`,
    example: { field: 'perDay', written: '1', kind: '接访', leaders: 2 },
  }),
  'config.unknown-field': entry({
    zh: (a: { field: string; known: string[] }) => `不认识的字段 ${a.field}`,
    fix: (a) => `请检查拼写；可用的字段有 ${a.known.join(', ')}`,
    en: (a) => `unknown field ${a.field}; expected one of ${a.known.join(', ')}`,
    example: { field: 'titel', known: ['title', 'from', 'to'] },
  }),

  // Dates (不可接访日期, 日期, 开始, 结束)
  'date.invalid': entry({
    zh: (a: { text: string }) => `“${a.text}”不是有效日期`,
    fix: () => DATE_ADVICE,
    en: (a) => `"${a.text}" is not a real date; ${DATE_ADVICE_EN}`,
    example: { text: '2024-12-32' },
  }),
  'date.out-of-years': entry({
    zh: (a: { text: string }) => `“${a.text}”的年份超出了 rota 的日历（2000 至 2099 年）`,
    fix: () => '请检查年份是否写错',
    en: (a) => `"${a.text}": the calendar covers the years 2000 to 2099`,
    example: { text: '1024-12-15' },
  }),
  'date.range-twice': entry({
    zh: (a: { text: string }) => `“${a.text}”中有不止一个范围符号`,
    fix: () => DATE_ADVICE,
    en: (a) => `"${a.text}" has more than one range sign; ${DATE_ADVICE_EN}`,
    example: { text: '2024-12-11~12-13~12-15' },
  }),
  'date.range-reversed': entry({
    zh: (a: { from: string; to: string }) => `范围 ${a.from}~${a.to} 的结束早于开始`,
    fix: () => '请先写开始日期，后写结束日期',
    en: (a) => `range ${a.from}~${a.to} ends before it starts`,
    example: { from: '2024-12-17', to: '2024-12-15' },
  }),
  'date.open-no-window': entry({
    zh: (a: { text: string }) => `“${a.text}”没有结束日期，而本次没有本轮的起止日期可以补上`,
    fix: () => '请写出结束日期，如 2024-12-18~2024-12-31',
    en: (a) => `"${a.text}" has no end, and there is no round whose end could close it; write the end date`,
    example: { text: '自12月18日起' },
  }),
  'date.note': entry({
    zh: (a: { notes: string[] }) => `${a.notes.join('、')} 是说明文字，rota 只读其中的日期`,
    fix: () => '不需要修改；若其中本该有日期，请写成 2024-12-15 或 12月15日',
    en: (a) => `${a.notes.join(', ')}: notes, not dates; only the dates are read`,
    example: { notes: ['出差', '培训'] },
  }),
  'date.year-missing': entry({
    zh: (a: { text: string }) => `“${a.text}”没有写年份，本轮起止日期也无法确定年份`,
    fix: (a) => `请写上年份，如 2024年${a.text}`,
    en: (a) => `"${a.text}" has no year and the round's window does not tell which`,
    example: { text: '12月15日' },
  }),
  'date.year-ambiguous': entry({
    zh: (a: { text: string; choices: string[] }) => `“${a.text}”没有写年份，可能是 ${a.choices.join(' 或 ')}`,
    fix: (a) => `请写上年份，如 ${a.choices[0]}`,
    en: (a) => `"${a.text}" has no year; it could be ${a.choices.join(' or ')}`,
    example: { text: '3月1日', choices: ['2024-03-01', '2025-03-01'] },
  }),

  // Leader lists
  'name.empty': entry({
    zh: () => '姓名为空',
    fix: () => '每一行都要写领导姓名',
    en: () => "empty name; every row needs the leader's name",
    example: {},
  }),
  'title.empty': entry({
    zh: () => '职务为空',
    fix: () => '请填写职务（群众在安排表上看到它），如 区委常委、政法委书记',
    en: () => 'empty title; residents see it on the timetable',
    example: {},
  }),
  'institution.unknown': entry({
    zh: (a: { text: string; known: string[] }) => `不认识的单位“${a.text}”`,
    fix: (a) =>
      `请写 ${list(a.known)} 之一；若这是其中某单位的另一种写法，可在 rota.json 的 institutions 中给它加上 aliases（别名）` +
      (/[乡镇]|街道/.test(a.text)
        ? '；乡、镇、街道的单位名称由 rota.json 的 institutions 决定，rota init --preset township --kind 镇（或 乡、街道）会写好'
        : ''),
    en: (a) =>
      `unknown institution "${a.text}"; expected one of ${a.known.join(', ')}, or add it to that institution's aliases in rota.json`,
    example: { text: '区纪委', known: ['区委', '区人大', '区政府', '区政协', '区人民法院', '区人民检察院'] },
  }),
  'institution.township-kind': entry({
    zh: (a: { kind: string; names: string[] }) => `名单按${a.kind}的单位名称（${list(a.names)}）写成，已按${a.kind}读取`,
    fix: (a) => `若要固定下来，用 rota init --preset township --kind ${a.kind}，或在 rota.json 写 institutions`,
    en: (a) => `the list names a ${a.kind === '镇' ? 'town' : 'street office'}'s institutions (${a.names.join(', ')}); read as one`,
    example: { kind: '镇', names: ['镇党委', '镇人大', '镇政府'] },
  }),
  'rank.unknown': entry({
    zh: (a: { text: string; known: string[] }) => `不认识的级别“${a.text}”`,
    fix: (a) => `请写 ${list(a.known)} 之一（副县级、正乡级等写法也可以）；其他写法可在 rota.json 的 rankAliases 中加上`,
    en: (a) => `unknown rank "${a.text}"; expected one of ${a.known.join(', ')}, or add it to rankAliases in rota.json`,
    example: { text: '处级', known: ['正处级', '副处级', '正科级', '副科级'] },
  }),
  'leader.duplicate': entry({
    zh: (a: { name: string; institution: string; first: string }) => `${a.name}（${a.institution}）出现了两次，第一次在 ${a.first}`,
    fix: () => '请删去重复的一行；若确是同名的两个人，请分列在不同单位',
    en: (a) => `${a.name} (${a.institution}) is listed twice; first at ${a.first}`,
    example: { name: '艾力·买买提', institution: '区委', first: 'leaders.csv:3' },
  }),
  'leader.namesake': entry({
    zh: (a: { name: string; institutions: string[] }) => `${a.name} 同时出现在 ${list(a.institutions)}`,
    fix: (a) => `记录中写到 ${a.name} 时请同时写“单位”，以便区分`,
    en: (a) => `${a.name} appears in ${a.institutions.join(', ')}; records for ${a.name} must give 单位 to tell them apart`,
    example: { name: '王伟', institutions: ['区委', '区政府'] },
  }),

  'term.twice': entry({
    zh: (a: { text: string }) => `同一行既写了任职起止（${a.text}）又写了到任或调离`,
    fix: () => '请只用一种写法：任职起止写成 2025-07-01~ 或 2025-01-01~2025-06-30，或者分列写 到任 和 调离',
    en: () => 'the row gives both 任职起止 and 到任/调离; use one or the other',
    example: { text: '2025-07-01~' },
  }),
  'term.unreadable': entry({
    zh: (a: { text: string }) => `“${a.text}”不是任职起止`,
    fix: () => '请写成 开始~结束，如 2025-07-01~（至今）或 2025-01-01~2025-06-30；不知道的一端空着',
    en: (a) => `"${a.text}" is not a term of office; expected start~end such as 2025-07-01~ or 2025-01-01~2025-06-30`,
    example: { text: '2025年' },
  }),
  'term.reversed': entry({
    zh: (a: { from: string; to: string }) => `任期的最后一天（${a.to}）早于到任（${a.from}）`,
    fix: () => '调离日期应晚于到任日期（调离当天起不再安排）；请核对两个日期',
    en: (a) => `the term ends (${a.to}) before it starts (${a.from})`,
    example: { from: '2025-07-01', to: '2025-03-01' },
  }),

  // Holidays, records, leaves and sites
  'holiday.type-unknown': entry({
    zh: (a: { text: string }) => `“${a.text}”不是日子类型`,
    fix: () => '请写 休息 或 上班',
    en: (a) => `"${a.text}" is not a day type; expected 休息 or 上班`,
    example: { text: '假' },
  }),
  'row.duplicate': entry({
    zh: (a: { what: string; line: number }) => `${a.what} 重复，第一次在第 ${a.line} 行`,
    fix: () => '请删去重复的一行',
    en: (a) => `${a.what} is listed twice; first at line ${a.line}`,
    example: { what: '2024-12-20', line: 2 },
  }),
  'kind.unknown': entry({
    zh: (a: { text: string }) => `不认识的类型“${a.text}”`,
    fix: () => '请写 接访 或 下访（空着按 接访）；不是当面接访的写 视频接访、电话接访、集中接访 或 约访',
    en: (a) => `unknown activity kind "${a.text}"; expected 接访 or 下访, or a mode: 视频接访, 电话接访, 集中接访, 约访`,
    example: { text: '接待' },
  }),
  'slot.session-unknown': entry({
    zh: (a: { text: string; known: string[] }) => `不认识的时段“${a.text}”`,
    fix: (a) => `请写 ${list(a.known)} 之一；全天接访的空着`,
    en: (a) => `unknown session "${a.text}"; expected one of ${a.known.join(', ')}, or nothing for the whole day`,
    example: { text: '上半天', known: ['全天', '上午', '中午', '下午', '晚上'] },
  }),
  'slot.hours-bad': entry({
    zh: (a: { text: string }) => `看不懂接访时间“${a.text}”`,
    fix: () => '请写成 开始-结束，如 08:30-11:30（北京时间，开始早于结束）；按本轮统一时间的空着',
    en: (a) =>
      `cannot read the hours "${a.text}"; expected start-end such as 08:30-11:30 (Beijing time, start before end), or nothing for the round's hours`,
    example: { text: '上午八点半' },
  }),
  'slot.role-unknown': entry({
    zh: (a: { text: string; known: string[] }) => `不认识的角色“${a.text}”`,
    fix: (a) => `请写 ${list(a.known)} 之一，或空着`,
    en: (a) => `unknown role "${a.text}"; expected one of ${a.known.join(', ')}, or nothing`,
    example: { text: '列席', known: ['主接访', '陪同', '带班', '联合接访'] },
  }),
  'leader.ambiguous': entry({
    zh: (a: { name: string; institutions: string[] }) => `名单中有 ${a.institutions.length} 名 ${a.name}（${list(a.institutions)}）`,
    fix: () => '请在“单位”列写明是哪一位',
    en: (a) => `${a.name} is the name of ${a.institutions.length} leaders (${a.institutions.join(', ')}); give 单位 to say which`,
    example: { name: '王伟', institutions: ['区委', '区政府'] },
  }),
  'leader.other-institution': entry({
    zh: (a: { name: string; listed: string; given: string }) => `${a.name} 在名单中属于 ${a.listed}，不是 ${a.given}`,
    fix: (a) => `请把“单位”改为 ${a.listed}，或先改领导名单`,
    en: (a) => `${a.name} is listed under ${a.listed}, not ${a.given}`,
    example: { name: '张三', listed: '区委', given: '区政府' },
  }),
  'leader.not-listed': entry({
    zh: (a: { name: string; institution: string }) => `${a.name}${a.institution ? `（${a.institution}）` : ''} 不在领导名单中`,
    fix: () => '请检查姓名的写法（含间隔号 ·），或把此人加入领导名单',
    en: () => 'not in the leader list',
    example: { name: '艾力买买提', institution: '' },
  }),
  'record.not-counted': entry({
    zh: (a: { name: string }) => `${a.name} 不在领导名单中，此记录不计入次数`,
    fix: () => '若是名单漏了此人，请补入领导名单',
    en: () => 'not in the leader lists; not counted',
    example: { name: '李明' },
  }),
  'record.not-working-day': entry({
    zh: (a: { date: string; why?: string | undefined }) => `${a.date} 不是工作日${a.why ? `（${a.why}）` : ''}`,
    fix: () => '请核对日期；若当天确实上班，请在节假日覆盖文件中写为 上班',
    en: () => 'not a working day',
    example: { date: '2024-11-09', why: '周六' },
  }),
  'record.not-duty-day': entry({
    zh: (a: { date: string }) => `${a.date} 是工作日，但不是本轮的接访日（rota.json 的 pattern 没有排这一天）`,
    fix: () => '请核对日期；若这一天确实接访，请把它写进 pattern，或用 rota calendar 查看本轮的接访日',
    en: () => "a working day, but not one of the round's duty days (rota.json's pattern)",
    example: { date: '2025-01-07' },
  }),
  'record.duplicate': entry({
    zh: (a: { where: string }) => `与 ${a.where} 重复（同一日期、姓名、类型），只计一次`,
    en: () => 'duplicate line, counted once',
    example: { where: 'records.csv:4' },
  }),
  'leave.reversed': entry({
    zh: (a: { from: string; to: string }) => `请假结束（${a.to}）早于开始（${a.from}）`,
    fix: () => '请对调“开始”和“结束”',
    en: (a) => `the leave ends (${a.to}) before it starts (${a.from})`,
    example: { from: '2024-12-17', to: '2024-12-15' },
  }),
  'site.type-unknown': entry({
    zh: (a: { text: string }) => `“${a.text}”不是下访地点类型`,
    fix: () => '请写 村 或 社区',
    en: (a) => `"${a.text}" is not a site type; expected 村 or 社区`,
    example: { text: '小区' },
  }),
  'site.name-empty': entry({
    zh: () => '下访地点名称为空',
    fix: () => '每一行都要写村或社区的名称',
    en: () => 'empty site name',
    example: {},
  }),
  'number.invalid': entry({
    zh: (a: { text: string }) => `“${a.text}”不是 0 或正整数`,
    fix: () => '请写 0、1、2 这样的整数',
    en: (a) => `"${a.text}" is not a whole number ≥ 0`,
    example: { text: '一' },
  }),

  // The calendar
  'holidays.unknown-year': entry({
    zh: (a: { year: number; national: boolean; regional: string }) =>
      a.national
        ? `${a.year}年的国务院节假日安排${a.regional ? `和自治区${a.regional}放假安排` : ''}尚未收录，${a.year}年只按周末计算`
        : `${a.year}年的自治区${a.regional}放假安排尚未收录（国务院的节假日和调休已计入），这两个节日当作工作日`,
    fix: (a) =>
      `请在节假日覆盖文件（--holidays 或 rota.json 的 holidays，列：日期, 类型, 名称）中补充${a.year}年的${a.national ? '放假和调休上班日' : a.regional}`,
    en: (a) =>
      a.national
        ? `the official holiday arrangement for ${a.year} is not bundled; only weekends are off; add it in a holidays file`
        : `the regional holidays (${a.regional}) for ${a.year} are not bundled (national holidays are applied); add them in a holidays file`,
    example: { year: 2023, national: false, regional: '肉孜节、古尔邦节' },
  }),

  'pattern.unknown': entry({
    zh: (a: { text: string; examples: string[] }) => `读不懂接访日的写法“${a.text}”`,
    fix: (a) => `请照这些写法之一：${a.examples.join('；')}（节假日规则可写 遇节假日顺延、提前 或 取消，不写为顺延）`,
    en: (a) => `cannot read the duty-day pattern "${a.text}"; write it like one of: ${a.examples.join(' | ')}`,
    example: { text: '每两周三', examples: ['每周三', '每月15日（遇节假日顺延）', 'FREQ=WEEKLY;BYDAY=WE'] },
  }),
  'holidays.file-changed': entry({
    zh: (a: { file: string; removed: string[]; added: string[] }) =>
      [
        a.removed.length ? `已按 ${a.file} 去掉 ${a.removed.join('、')}` : '',
        a.added.length ? `已按 ${a.file} 加上 ${a.added.join('、')}` : '',
      ]
        .filter(Boolean)
        .join('；'),
    fix: (a) => `若不对，请改 ${a.file}`,
    en: (a) => `${a.file} took ${a.removed.length} working day(s) away and added ${a.added.length}`,
    example: { file: 'holidays.csv', removed: ['2024-12-20（本地活动）'], added: [] },
  }),

  // Timetables, records and pins given to replan, swap, render, check
  'timetable.empty': entry({
    zh: () => '时间表没有任何安排',
    fix: () => '第一行是表头（日期, 星期, 类型, 单位, 姓名, …），下面每天一行',
    en: () => 'the timetable has no rows; expected a header and one row per duty',
    example: {},
  }),
  'timetable.differs-from-leaders': entry({
    zh: (a: { name: string; header: string; was: string; list: string }) => `${a.name} 的${a.header}是“${a.was}”，领导名单中是“${a.list}”`,
    fix: () => '请改正这一格，或加 --fix-from-leaders 按名单改正',
    en: (a) => `${a.header} "${a.was}" differs from the leader list's "${a.list}"; correct it, or give --fix-from-leaders`,
    example: { name: '孙伟', header: '职务', was: '区长', list: '副区长' },
  }),
  'timetable.fixed-from-leaders': entry({
    zh: (a: { name: string; header: string; was: string; list: string }) =>
      `${a.name} 的${a.header}“${a.was}”与领导名单不符，已按名单改为“${a.list}”`,
    en: (a) => `${a.header} "${a.was}" differed from the leader list; taken from the list: "${a.list}"`,
    example: { name: '孙伟', header: '职务', was: '区长', list: '副区长' },
  }),
  'timetable.outside-window': entry({
    zh: (a: { date: string; from: string; to: string }) => `${a.date} 不在本轮 ${a.from} 至 ${a.to} 内`,
    fix: () => '请用 -c 指定这张时间表所属一轮的配置（或 --from/--to）',
    en: () => "the timetable lies outside the round's window",
    example: { date: '2025-01-02', from: '2024-12-11', to: '2024-12-26' },
  }),
  'pin.invalid': entry({
    zh: (a: { text: string }) => `“${a.text}”写法不对`,
    fix: () => '应写成 日期=姓名 或 日期=单位:姓名，例如 2024-12-19=王建国',
    en: () => 'expected DATE=NAME or DATE=INSTITUTION:NAME',
    example: { text: '12-19 王建国' },
  }),
  'check.nothing-to-judge': entry({
    zh: () => '没有记录，也没有给出 --from/--to，无从检查',
    fix: () => '请给出记录文件，或用 --year 2024 指明检查哪一年',
    en: () => 'no records and no --from/--to: nothing to judge',
    example: {},
  }),
  'check.to-before-from': entry({
    zh: (a: { from: string; to: string }) => `结束日期 ${a.to} 早于开始日期 ${a.from}`,
    en: () => '--to is before --from',
    example: { from: '2024-12-26', to: '2024-12-11' },
  }),
  'calendar.sequences-unreadable': entry({
    zh: (a: { detail: string }) => `无法读取上次发布的记录（${a.detail}），日历 SEQUENCE 按 0 计`,
    fix: () => '手机日历可能不更新已有事件；请确认输出文件夹里的 timetable.json 未被改动',
    en: () => 'unreadable; sequences taken as 0',
    example: { detail: 'no "duties" array' },
  }),
  'rule.broken': entry({
    zh: (a: { sentence: string }) => a.sentence,
    en: () => 'a rule is broken (see the sentence before)',
    example: { sentence: '王建国 连续两个工作日接访（2024-12-11、2024-12-12）(on consecutive working days)' },
  }),

  // Verdicts of rota check: one line per leader and period that breaks a rule
  'verdict.short': entry({
    zh: (a: { period: string; count: number; min: number; kinds: string[] }) =>
      `${a.period} 有 ${a.count} 次，少于规定的至少 ${a.min} 次（${a.kinds.join('/')}）`,
    en: (a) => `${a.period} has ${a.count} of at least ${a.min}`,
    example: { period: '2024-11', count: 0, min: 1, kinds: ['接访', '下访'] },
  }),
  'verdict.over': entry({
    zh: (a: { period: string; count: number; max: number; kinds: string[] }) =>
      `${a.period} 有 ${a.count} 次，多于规定的最多 ${a.max} 次（${a.kinds.join('/')}）`,
    en: (a) => `${a.period} has ${a.count} of at most ${a.max}`,
    example: { period: '2024-W50', count: 3, max: 2, kinds: ['接访'] },
  }),

  // The command line
  'option.choice': entry({
    zh: (a: { option: string; choices: readonly string[]; got: string }) => `${a.option} 不能是“${a.got}”`,
    fix: (a) => `请写 ${a.choices.join('、')} 之一`,
    en: (a) => `${a.option}: expected one of ${a.choices.join(', ')}, got "${a.got}"`,
    example: { option: '--format', choices: ['text', 'json'], got: 'xml' },
  }),
  'option.year': entry({
    zh: (a: { option: string; got: string }) => `${a.option} 应为年份，实际是“${a.got}”`,
    fix: () => '请写四位年份，如 2024',
    en: (a) => `${a.option}: expected a year like 2024, got "${a.got}"`,
    example: { option: '--year', got: '24' },
  }),
  'option.date': entry({
    zh: (a: { option: string; got: string }) => `${a.option} 应为日期，实际是“${a.got}”`,
    fix: () => '请写成 YYYY-MM-DD，如 2024-12-11',
    en: (a) => `${a.option}: expected a real date written YYYY-MM-DD, got "${a.got}"`,
    example: { option: '--from', got: '2024-13-01' },
  }),
  'option.duty': entry({
    zh: (a: { option: string; got: string }) => `${a.option}“${a.got}”不是日期`,
    fix: () => '请写成 YYYY-MM-DD，当天有几位领导时写成 YYYY-MM-DD=姓名，如 2024-12-19=王建国',
    en: () => 'expected a date, or DATE=NAME',
    example: { option: 'other', got: '12-19' },
  }),
  'option.conflict': entry({
    zh: (a: { option: string; other: string }) => `${a.option} 不能与 ${a.other} 同时使用`,
    fix: (a) => `请只用其中一个：${a.option} 或 ${a.other}`,
    en: (a) => `${a.option} cannot be combined with ${a.other}`,
    example: { option: '--year', other: '--from/--to' },
  }),
  'option.unknown': entry({
    zh: (a: { option: string }) => `不认识的选项 ${a.option}`,
    fix: () => '用 rota <命令> --help 查看这个命令能用的选项',
    en: (a) => `unknown option '${a.option}'`,
    example: { option: '--leader' },
  }),
  'option.missing-argument': entry({
    zh: (a: { option: string }) => `${a.option} 后面缺少内容`,
    fix: (a) => `请在 ${a.option} 后写上文件名或数值`,
    en: (a) => `option '${a.option}' argument missing`,
    example: { option: '--leaders <file>' },
  }),
  'option.not-for-step': entry({
    zh: (a: { option: string; step: string; takes: string[] }) => `${a.step}不用 ${a.option}`,
    fix: (a) => `${a.step}只写 ${a.takes.join('、')}；请去掉 ${a.option}`,
    en: (a) => `${a.step} does not take ${a.option}; it takes ${a.takes.map((t) => t.replace(/（.*/, '')).join(', ')}`,
    example: { option: '--days', step: '受理', takes: ['--date（受理日期）'] },
  }),
  'option.step-needs': entry({
    zh: (a: { option: string; step: string; header: string }) => `${a.step}需要 ${a.option}（${a.header}）`,
    fix: (a) => `请加上 ${a.option} 写明${a.header}`,
    en: (a) => `${a.step} needs ${a.option} (${a.header})`,
    example: { option: '--by', step: '交办', header: '责任单位' },
  }),
  'command.unknown': entry({
    zh: (a: { command: string }) => `不认识的命令 ${a.command}`,
    fix: () => '用 rota --help 查看所有命令',
    en: (a) => `unknown command '${a.command}'`,
    example: { command: 'plna' },
  }),
  'option.required': entry({
    zh: (a: { option: string }) => `缺少选项 ${a.option}`,
    fix: () => '用 rota <命令> --help 查看应写什么',
    en: (a) => `required option '${a.option}' not specified`,
    example: { option: '--to <步骤>' },
  }),
  'argument.missing': entry({
    zh: (a: { argument: string }) => `缺少参数 ${a.argument}`,
    fix: () => '用 rota <命令> --help 查看应写什么',
    en: (a) => `missing required argument '${a.argument}'`,
    example: { argument: 'new' },
  }),
  'argument.excess': entry({
    zh: (a: { got: string }) => `多余的参数“${a.got}”`,
    fix: () => '同一个选项给几个文件时，请每个文件前都写一次选项，如 --leaders a.csv --leaders b.csv',
    en: (a) => `too many arguments: "${a.got}"`,
    example: { got: 'b.csv' },
  }),
  'input.none': entry({
    zh: (a: { what: string }) => `没有${a.what}`,
    fix: (a) => `请在命令后给出${a.what}文件，或在 rota.json 中写明（当前文件夹有 rota.json 时自动使用）`,
    en: (a) => `no ${a.what === '领导名单' ? 'leader list' : 'records'}: give the files, or name them in rota.json`,
    example: { what: '领导名单' },
  }),
  'publish.never': entry({
    zh: (a: { out: string }) => `${a.out} 不是 rota 发布过的文件夹，没有可以恢复的发布`,
    fix: () => '请写出用 rota plan、render、replan 或 swap 的 --out 发布过的文件夹',
    en: (a) => `${a.out} was never published by rota, so there is nothing to restore; give the folder named by --out when publishing`,
    example: { out: '发布' },
  }),
  'publish.no-earlier': entry({
    zh: (a: { out: string }) => `${a.out} 只发布过一次，没有更早的发布可以恢复`,
    fix: () => 'rota 只保留最近 5 次发布；要改动当前发布，请用 rota replan 或 rota swap',
    en: (a) => `${a.out} has no earlier publication kept (rota keeps the last 5); to change the current one use rota replan or rota swap`,
    example: { out: '发布' },
  }),
  'publish.locked': entry({
    zh: (a: { out: string; host: string; pid: string; since: string; lock: string; minutes: number }) =>
      `另一个 rota 正在发布到 ${a.out}（电脑 ${a.host}，进程 ${a.pid}，北京时间 ${a.since} 起），等候超时，未改动任何文件`,
    fix: (a) =>
      `请稍后重试。若那台电脑已关机或死机，rota 在这把锁写下 ${a.minutes} 分钟后自动接管；确认那台电脑上的 rota 已不在运行时，也可以删除锁文件 ${a.lock} 后立即重试`,
    en: (a) =>
      `another rota is publishing to ${a.out} (computer ${a.host}, process ${a.pid}, since ${a.since} Beijing time); nothing was changed. Try again later: a lock left by a computer that crashed is taken over ${a.minutes} minutes after it was written, or, once sure rota no longer runs there, delete ${a.lock} and retry at once`,
    example: { out: '发布', host: 'XINFANG-PC2', pid: '5816', since: '2024-12-16 09:30:05', lock: '.发布.rota/lock', minutes: 10 },
  }),
  'publish.lock-lost': entry({
    // host '' when the lock file is gone: removed by hand (as publish.locked says a crashed computer's may be).
    zh: (a: { out: string; host: string; minutes: number }) =>
      `${a.out} 的发布锁${a.host ? `已被电脑 ${a.host} 上的 rota 接管：本次运行持锁超过 ${a.minutes} 分钟（电脑休眠或共享盘断开）` : '在本次运行持锁期间被删除了'}，为免两次发布交错，新的发布没有换入，文件夹保持原样`,
    fix: (a) => (a.host ? '请等那台电脑发布完后重新运行这条命令' : '请确认没有别的 rota 正在发布到这个文件夹，然后重新运行这条命令'),
    en: (a) =>
      `the lock of ${a.out} ${a.host ? `was taken over by rota on ${a.host}: this run held it over ${a.minutes} minutes (the computer asleep, or the share cut off)` : 'was deleted while this run held it'}, so its publication was not switched in, lest two interleave; the folder is unchanged, run the command again`,
    example: { out: '发布', host: 'XINFANG-PC2', minutes: 10 },
  }),
  'limit.columns': entry({
    zh: (a: { count: number; max: number }) => `表头有 ${a.count} 列，最多 ${a.max} 列`,
    fix: () => '请确认选对了文件，并按“CSV（逗号分隔）”保存（每行一条，不是整个文件一行）',
    en: (a) => `the header row has ${a.count} columns, at most ${a.max} are taken; is it the right file, saved as CSV with one row a line?`,
    example: { count: 10000002, max: LIMITS.columns },
  }),
  'limit.json-depth': entry({
    zh: (a: { max: number }) => `嵌套超过 ${a.max} 层，rota.json 最多只有几层`,
    fix: () => '请确认选对了文件，或对照 docs/rota.schema.json 改正',
    en: (a) => `nested more than ${a.max} levels deep; a rota.json has a few; is it the right file?`,
    example: { max: LIMITS.jsonDepth },
  }),
  'limit.number': entry({
    zh: (a: { text: string; max: number }) => `“${a.text}”超过上限 ${a.max}`,
    fix: () => '请检查是否误粘贴了别的内容（如电话号码）',
    en: (a) => `"${a.text}" is more than ${a.max}, the most this column takes; was something else pasted here?`,
    example: { text: '13912345678', max: LIMITS.siteMonthly },
  }),
  'limit.sites': entry({
    zh: (a: { count: number; max: number }) => `下访地点有 ${a.count} 个，一次排班最多 ${a.max} 个`,
    fix: () => '请确认选对了文件；地点更多时请按乡镇分开排',
    en: (a) => `${a.count} 下访 sites; one plan takes at most ${a.max}: is it the right file, or can it be split by township?`,
    example: { count: 10006, max: LIMITS.sites },
  }),
  'limit.leaders': entry({
    zh: (a: { count: number; max: number }) => `领导名单共 ${a.count} 人，一次排班最多 ${a.max} 人`,
    fix: () => '请确认选对了文件；人数更多时请按单位分开排（rota plan --batch）',
    en: (a) => `${a.count} leaders; one plan takes at most ${a.max}: is it the right file, or can it be split by office (plan --batch)?`,
    example: { count: 30000, max: LIMITS.leaders },
  }),
  'limit.cells': entry({
    zh: (a: { leaders: number; days: number; max: number }) =>
      `${a.leaders} 名领导 × ${a.days} 个工作日 = ${a.leaders * a.days} 格，一次排班最多 ${a.max} 格`,
    fix: () => '请缩短起止日期（--from、--to），分几轮排',
    en: (a) =>
      `${a.leaders} leaders × ${a.days} working days is ${a.leaders * a.days} cells; one plan takes at most ${a.max}: split the window`,
    example: { leaders: 10000, days: 500, max: LIMITS.cells },
  }),
  'limit.out-system': entry({
    zh: (a: { out: string; dir: string }) => `${a.out} 在系统文件夹 ${a.dir} 下，那里不能存放文件`,
    fix: () => '请用 --out 指定一个普通文件夹，如 发布',
    en: (a) => `${a.out} is under ${a.dir}, a folder of the system where no file can be kept; give --out an ordinary folder`,
    example: { out: '/proc/x', dir: '/proc' },
  }),
  'limit.out-not-folder': entry({
    zh: (a: { out: string; blocker: string }) => `无法写入 ${a.out}：${a.blocker} 是一个文件，不是文件夹`,
    fix: () => '请用 --out 指定一个文件夹（不存在时会新建）',
    en: (a) => `cannot write to ${a.out}: ${a.blocker} is a file, not a folder; give --out a folder (made if missing)`,
    example: { out: 'timetable.csv/发布', blocker: 'timetable.csv' },
  }),
  'limit.more-problems': entry({
    zh: (a: { shown: number; rest: number }) => `以上是前 ${a.shown} 处问题，另有 ${a.rest} 处未列出`,
    fix: () => '请先改正以上问题再运行；问题这么多时，多半是选错了文件或文件的编码、分隔符不对',
    en: (a) =>
      `the first ${a.shown} problems are shown, ${a.rest} more are not; so many usually means the wrong file, encoding or separator`,
    example: { shown: LIMITS.problemsShown, rest: 1234 },
  }),
  'publish.past': entry({
    zh: (a: { today: string; days: string[] }) => `${a.today} 之前的安排已经发生，是接访记录，不能改动：${a.days.join('、')}`,
    fix: (a) => `请只调整 ${a.today} 及以后的日子；确实要改今天以前的记录，请用 --today 写出那一天`,
    en: (a) => `days before ${a.today} are the duty record and never change: ${a.days.join(', ')}; change only days from ${a.today} on`,
    example: { today: '2024-12-17', days: ['2024-12-12'] },
  }),
  'publish.state-lost': entry({
    zh: (a: { out: string; detail: string }) =>
      `${a.out} 是已发布的文件夹，但读不到它的发布记录 timetable.json（${a.detail}），保存的历次发布中也没有可用的`,
    fix: () => '请用 rota rollback 恢复上一次发布，或把原来的 timetable.json 放回文件夹；rota 不会当作从未发布而让手机日历停止更新',
    en: (a) =>
      `${a.out} was published, but its timetable.json is unreadable (${a.detail}) and no kept publication has one; restore it (rota rollback) rather than start over`,
    example: { out: '发布', detail: 'Unexpected end of JSON input' },
  }),
  'publish.state-from-generation': entry({
    zh: (a: { out: string; generation: number }) => `${a.out} 的 timetable.json 无法读取，改用保存的第 ${a.generation} 份发布的记录`,
    fix: () => '本次发布会写出新的 timetable.json；请确认调整公告列出的日子无误',
    en: (a) => `${a.out}'s timetable.json is unreadable; the publication log is taken from kept copy gen-${a.generation}`,
    example: { out: '发布', generation: 3 },
  }),
  'config.office-fields': entry({
    zh: (a: { fields: string[] }) =>
      `配置文件没有写 ${a.fields.join('、')}：这些只有本单位能填，不能用示例（克拉玛依）的内容或空的咨询电话发布`,
    fix: () =>
      '请在 rota.json 中写上 place（接访地点）、contact（联系人和电话）、hours（接访时段，全天写 null）、office（发布单位）、published（发布日期）',
    en: (a) =>
      `the configuration leaves out ${a.fields.join(', ')}; only the office can fill them, and the seed's example values (or an empty phone) are never published`,
    example: { fields: ['place', 'contact'] },
  }),
  'batch.no-office': entry({
    zh: () => '文件夹下没有含 rota.json 的单位文件夹',
    fix: () => '每个单位一个文件夹，如 DIR/某某乡/rota.json',
    en: () => 'no office folder with a rota.json in it; one folder per office: DIR/某某乡/rota.json',
    example: {},
  }),
  'init.exists': entry({
    zh: (a: { files: string[] }) => `这些文件已经存在：${a.files.join('、')}`,
    fix: () => '换一个文件夹，或加 --force 覆盖',
    en: (a) => `already there: ${a.files.join(', ')}; use --force to overwrite`,
    example: { files: ['rota.json', 'leaders.csv'] },
  }),
  // The case ledger (接访台帐) and appointments. No message repeats a resident's name, phone, ID or address.
  'case.cell-empty': entry({
    zh: (a: { header: string }) => `${a.header} 不能为空`,
    fix: (a) => `请填写${a.header}`,
    en: (a) => `${a.header} is empty`,
    example: { header: '接访领导' },
  }),
  'case.id-number-invalid': entry({
    zh: (a: { length: number }) => `身份证号有 ${a.length} 个字符，不是 18 位（17 位数字加一位数字或 X）`,
    fix: () => '请核对身份证号；Excel 会把长数字改成 6.5E+17，请把这一列设为“文本”后重新填写',
    en: (a) =>
      `the ID number has ${a.length} characters, expected 18 (17 digits and a digit or X); Excel turns long numbers into 6.5E+17: format the column as text`,
    example: { length: 11 },
  }),
  'case.extension-invalid': entry({
    zh: (a: { text: string; min: number; max: number }) => `延期天数“${a.text}”不是 ${a.min} 到 ${a.max} 之间的整数`,
    fix: () => '《信访工作条例》规定延期不超过 30 日',
    en: (a) => `extension "${a.text}" is not a whole number from ${a.min} to ${a.max} days`,
    example: { text: '45', min: 0, max: 30 },
  }),
  'case.extension-total': entry({
    zh: (a: { before: number; days: number; max: number }) =>
      `已延期 ${a.before} 天，再延期 ${a.days} 天共 ${a.before + a.days} 天，超过 ${a.max} 天`,
    fix: (a) => `《信访工作条例》规定延期合计不超过 30 日；最多还能延期 ${a.max - a.before} 天`,
    en: (a) => `already extended by ${a.before} days: ${a.days} more makes ${a.before + a.days}, past the ${a.max} days allowed in all`,
    example: { before: 20, days: 15, max: 30 },
  }),
  'case.act-not-allowed': entry({
    zh: (a: { id: string; state: string; act: string; allowed: string }) => `事项 ${a.id} 现在是“${a.state}”，不能${a.act}`,
    fix: (a) => `${a.act}须在事项为“${a.allowed}”时进行；事项依次 登记 → 交办 → 办理中 → 办结 → 回访，只能向前`,
    en: (a) => `matter ${a.id} is ${a.state}: ${a.act} is done only when it is ${a.allowed}`,
    example: { id: '20241211-3f9a2c', state: '登记', act: '回访', allowed: '办结' },
  }),
  'case.settled-later': entry({
    zh: (a: { visit: string }) => `事项还未交办，只有来访当天（${a.visit}）当场办结的才能直接办结`,
    fix: () => '请先交办、受理，再办结；当场解决的，办结日期写来访当天',
    en: (a) =>
      `a matter not yet assigned can only be settled on the spot, on the day of the visit (${a.visit}): assign and accept it first`,
    example: { visit: '2024-12-11' },
  }),
  'case.extension-unapproved': entry({
    zh: () => '有延期天数，但没有写延期批准人',
    fix: () => '延期须经批准：请在“延期批准”中写明批准的领导或机关，未经批准的延期不计入办理期限',
    en: () => 'an extension without its approval: write who approved it under 延期批准',
    example: {},
  }),
  'case.date-order': entry({
    zh: (a: { header: string; date: string; previous: string; before: string }) => `${a.header} ${a.date} 早于${a.previous} ${a.before}`,
    fix: () => '请核对日期：来访、受理、办结、回访依次进行',
    en: (a) => `${a.header} ${a.date} is before ${a.previous} ${a.before}`,
    example: { header: '办结日期', date: '2024-12-01', previous: '受理日期', before: '2024-12-11' },
  }),
  'case.state-unknown': entry({
    zh: (a: { text: string }) => `状态“${a.text}”不是 登记、交办、办理中、办结、回访 之一`,
    fix: () => '可以不填状态，rota 按受理、办结、回访日期推定',
    en: (a) => `state "${a.text}" is not one of 登记, 交办, 办理中, 办结, 回访; leave it empty to have it follow the dates`,
    example: { text: '已办' },
  }),
  'case.state-mismatch': entry({
    zh: (a: { given: string; implied: string }) => `状态写的是“${a.given}”，但所填日期和责任单位表明是“${a.implied}”`,
    fix: () => '请补填日期（受理日期、办结日期、回访日期）或改正状态；也可以不填状态',
    en: (a) => `state says ${a.given} but the dates and unit say ${a.implied}`,
    example: { given: '办结', implied: '办理中' },
  }),
  'case.moves-back': entry({
    zh: (a: { id: string; stored: string; given: string }) => `事项 ${a.id} 在台帐中已是“${a.stored}”，导入的是更早的“${a.given}”`,
    fix: () => '事项只能向前推进；请确认导入的是最新的台帐',
    en: (a) => `matter ${a.id} is already ${a.stored} in the ledger; the file says ${a.given}, an earlier state: is it an old copy?`,
    example: { id: '20241211-3f9a2c', stored: '办结', given: '办理中' },
  }),
  'case.id-twice': entry({
    zh: (a: { id: string; first: number }) => `编号 ${a.id} 与第 ${a.first} 行重复`,
    fix: () => '同一事项只写一行；不同事项请用不同编号',
    en: (a) => `number ${a.id} is used on line ${a.first} too`,
    example: { id: '2024-001', first: 2 },
  }),
  'case.overdue': entry({
    zh: (a: { id: string; leader: string; unit: string; due: string; days: number }) =>
      `事项 ${a.id}（包案领导 ${a.leader}，责任单位 ${a.unit || '未交办'}）办理期限至 ${a.due}，已超期 ${a.days} 天`,
    fix: () => '请督办；确需延期的，报批后在台帐中填写延期天数和延期批准',
    en: (a) => `matter ${a.id} (leader ${a.leader}) was due by ${a.due}: ${a.days} days overdue`,
    example: { id: '20241211-3f9a2c', leader: '努尔兰·哈力木', unit: '区住建局', due: '2025-02-09', days: 3 },
  }),
  'case.database-unreadable': entry({
    zh: (a: { detail: string }) => `无法打开台帐数据库（${a.detail}）`,
    fix: () => '请确认 --db 指的是 rota 建立的台帐文件（.sqlite）或 postgres:// 地址',
    en: (a) => `cannot open the ledger database: ${a.detail}`,
    example: { detail: 'file is not a database' },
  }),
  'case.not-found': entry({
    zh: (a: { id: string }) => `台帐中没有编号为 ${a.id} 的事项`,
    fix: () => '请核对编号（rota cases export 导出的台帐第一列）和 --db 所指的台帐',
    en: (a) => `no matter numbered ${a.id} in the ledger: check the number (the first column of rota cases export) and --db`,
    example: { id: '20241211-3f9a2c' },
  }),
  'case.visit-known': entry({
    zh: (a: { id: string }) => `这次来访已在台帐中（编号 ${a.id}：同一天、同一来访人、同一问题）`,
    fix: () => '不必重复登记；办理进展请在台帐中更新',
    en: (a) => `this visit is in the ledger already (number ${a.id}: same day, resident and concern)`,
    example: { id: '20241211-3f9a2c' },
  }),
  'case.ledger-not-sqlite': entry({
    zh: () => '这个文件不是 SQLite 台帐（开头不是“SQLite format 3”）',
    fix: () => '请选择 rota cases import 建立的台帐文件（.sqlite）；Excel 台帐请先另存为 CSV，再用 rota cases import 导入',
    en: () => 'not an SQLite ledger (it does not begin with "SQLite format 3"); pick the .sqlite file rota cases import made',
    example: {},
  }),
  'case.ledger-foreign': entry({
    zh: () => '这个 SQLite 文件不是 rota 的台帐（其中没有台帐的 meta 表）',
    fix: () => '请选择 rota cases import 建立的台帐文件；rota 不往别的程序的数据库里写',
    en: () => "an SQLite file, but not a rota ledger (no meta table); rota does not write into another program's database",
    example: {},
  }),
  'case.ledger-schema': entry({
    zh: (a: { found: string; expected: string }) => `台帐的格式版本是 ${a.found}，这一版 rota 读的是 ${a.expected}`,
    fix: () => '请用建立它的那一版 rota 导出（rota cases export），再用这一版导入（rota cases import）',
    en: (a) =>
      `the ledger's schema version is ${a.found}; this rota reads version ${a.expected}: export it with the rota that made it and import it here`,
    example: { found: '2', expected: '1' },
  }),
  'case.ledger-too-big': entry({
    zh: (a: { size: number; max: number }) => `台帐文件有 ${a.size} MB，超过能打开的 ${a.max} MB`,
    fix: () => '请确认选的是台帐文件；确有这么多事项的，请按年份用 rota cases purge 清理已过保存期限的事项',
    en: (a) => `the ledger file is ${a.size} MB, more than the ${a.max} MB rota opens; is it the right file?`,
    example: { size: 300, max: 256 },
  }),
  'case.database-published': entry({
    zh: (a: { folder: string }) => `台帐和约访名单不能放在发布文件夹 ${a.folder} 里：其中有群众的个人信息`,
    fix: () => '请放在发布文件夹以外，如 --db 接访台帐.sqlite、--out 约访',
    en: (a) => `the ledger and the liaison lists hold residents' personal data and may not be inside the published folder ${a.folder}`,
    example: { folder: '发布' },
  }),
  'booking.none-left': entry({
    zh: (a: { after: string }) => `${a.after} 之后的安排表中没有接访日`,
    fix: () => '请用新一轮的接访安排表，或改早 --after 的日期',
    en: (a) => `the timetable has no reception day after ${a.after}`,
    example: { after: '2024-12-26' },
  }),
} as const;

export type MessageCode = keyof typeof CATALOGUE;
export type MessageArgs<C extends MessageCode> = Parameters<(typeof CATALOGUE)[C]['zh']>[0];

/** A message not yet placed: its code and arguments (parsers return these; callers add where). */
export type Said = { [C in MessageCode]: { code: C; args: MessageArgs<C> } }[MessageCode];

/** The sentence a clerk reads: Chinese, the fix, then English. */
export function say<C extends MessageCode>(code: C, args: MessageArgs<C>): string {
  const e = CATALOGUE[code] as unknown as MessageEntry<MessageArgs<C>>;
  const fix = e.fix ? `；${e.fix(args)}` : '';
  return `${e.zh(args)}${fix}。${e.en(args)}`;
}

/** Arguments as a problem echoes them: long texts and lists cut, so a 20 MB cell makes a short message. */
function clipped<A>(args: A): A {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = clip(v);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = clipList(v);
    else out[k] = v;
  }
  return out as A;
}

/** A problem with its code and sentence, placed at file:line:field. */
export function problem<C extends MessageCode>(
  code: C,
  args: MessageArgs<C>,
  at: { severity?: Problem['severity']; file?: string; line?: number; field?: string } = {},
): Problem {
  const { severity = 'error', ...where } = at;
  const p: Problem = { severity, code, message: say(code, clipped(args)) };
  for (const [k, v] of Object.entries(where)) if (v !== undefined) (p as unknown as Record<string, unknown>)[k] = v;
  return p;
}

/** Places a parser's message. */
export const placed = (s: Said, at: Parameters<typeof problem>[2]): Problem => problem(s.code, s.args as never, at);
