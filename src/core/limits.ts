// The sizes rota takes, each checked before any work starts: a value past one is almost always a
// wrong file or a pasted cell (a phone number in 每月至少), and would otherwise cost minutes, gigabytes
// or a crash. Each limit is generous for a real office and named in docs/messages.md. No imports:
// the message catalogue clips what it echoes with these.
export const LIMITS = {
  /** Columns of a CSV header: a leader list has about ten, a spreadsheet's widest export a few hundred. */
  columns: 1000,
  /** Nesting of a rota.json: the deepest real one (rules → who → institutions) is 4 levels. */
  jsonDepth: 32,
  /** 每月至少 of a 下访 site: a visit every day of the longest month. */
  siteMonthly: 31,
  /** 下访 sites in one plan: a county has a few hundred villages and communities. */
  sites: 2000,
  /** Leaders in one plan: a city's whole list, several times over. */
  leaders: 10_000,
  /** Leaders × working days of one plan: 10,000 leaders for a year of 250 working days. */
  cells: 2_500_000,
  /** Bytes of a case ledger's SQLite file: a county's ten years of visits are a few MB; the browser holds it in memory. */
  ledgerBytes: 256 * 2 ** 20,
  /** Problems printed at once; the rest are counted. */
  problemsShown: 100,
  /** Characters of a cell, header or value echoed in a message. */
  echo: 200,
} as const;

/** Depth of a parsed JSON value (a scalar is 0), without recursion: a 5,000-level array must not overflow the stack. */
export function jsonDepth(value: unknown, stopAt = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d + 1 > deepest) deepest = d + 1;
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return deepest;
}

/** Text echoed in a message, cut so a 20 MB cell does not become a 20 MB message; the cut is said. */
export function clip(text: string, max: number = LIMITS.echo): string {
  return text.length > max ? `${text.slice(0, max)}…（共 ${text.length} 字符 ${text.length} characters）` : text;
}

/** A list echoed in a message: its first items, and how many more. */
export function clipList(items: readonly string[], max = 30): string[] {
  const shown = items.slice(0, max).map((s) => clip(s));
  return items.length > max ? [...shown, `…（另 ${items.length - max} 项 ${items.length - max} more）`] : shown;
}
