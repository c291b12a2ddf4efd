/** Items by key, in first-seen order of keys and input order within each group. */
export function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = by.get(k);
    if (list) list.push(x);
    else by.set(k, [x]);
  }
  return by;
}
