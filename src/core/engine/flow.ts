// Hall's condition for one component, by max flow: source → leader (capacity maxPerLeader) → day
// (1 per allowed pair) → sink (perDay). When the flow falls short, the days the source cannot reach
// in the residual graph form a set S with Σ_leaders min(max, |allowed days in S|) < perDay·|S|.

export interface FlowInput {
  leaders: number[];
  days: number[];
  /** Allowed leaders per day (indexes into the same numbering as `leaders`). */
  allowed: (day: number) => number[];
  perDay: number;
  maxPerLeader: number;
}

/** Days of the smallest-capacity cut when not every day can be staffed; [] when Hall's condition holds. */
export function hallViolation(input: FlowInput): number[] {
  const L = input.leaders.length,
    D = input.days.length;
  const src = 0,
    sink = 1 + L + D;
  const n = sink + 1;
  const lIdx = new Map(input.leaders.map((l, i) => [l, 1 + i]));
  const head: number[] = Array(n).fill(-1);
  const to: number[] = [],
    cap: number[] = [],
    next: number[] = [];
  const edge = (a: number, b: number, c: number) => {
    to.push(b);
    cap.push(c);
    next.push(head[a]);
    head[a] = to.length - 1;
    to.push(a);
    cap.push(0);
    next.push(head[b]);
    head[b] = to.length - 1;
  };
  for (let i = 0; i < input.leaders.length; i++) edge(src, 1 + i, input.maxPerLeader);
  input.days.forEach((d, j) => {
    for (const l of input.allowed(d)) {
      const li = lIdx.get(l);
      if (li !== undefined) edge(li, 1 + L + j, 1);
    }
    edge(1 + L + j, sink, input.perDay);
  });
  const need = D * input.perDay;
  let flow = 0;
  const reach = (): Int32Array => {
    const prev = new Int32Array(n).fill(-2);
    prev[src] = -1;
    const queue = [src];
    for (let q = 0; q < queue.length; q++) {
      for (let e = head[queue[q]]; e !== -1; e = next[e]) {
        if (cap[e] > 0 && prev[to[e]] === -2) {
          prev[to[e]] = e;
          queue.push(to[e]);
        }
      }
    }
    return prev;
  };
  for (;;) {
    const prev = reach();
    if (prev[sink] === -2) {
      if (flow >= need) return [];
      return input.days.filter((_, j) => prev[1 + L + j] === -2);
    }
    let push = Infinity;
    for (let v = sink; v !== src; v = to[prev[v] ^ 1]) push = Math.min(push, cap[prev[v]]);
    for (let v = sink; v !== src; v = to[prev[v] ^ 1]) {
      cap[prev[v]] -= push;
      cap[prev[v] ^ 1] += push;
    }
    flow += push;
  }
}
