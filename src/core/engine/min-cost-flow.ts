// Min-cost flow by successive shortest paths (Bellman–Ford with a queue, since costs may be
// negative): starting from a graph with no cycles, augmenting along a shortest path never creates a
// negative cycle, and stopping at the first path that does not lower the cost gives the cheapest
// flow of any amount (Ahuja, Magnanti & Orlin, Network Flows, ch. 9). Costs are integers kept exact
// in doubles by the caller (engine/network.ts weighs the objective's levels).
// The arcs live in typed arrays grown by doubling and the search's queue is a ring of one slot per
// node (a node is queued at most once at a time): a township year solves some hundred networks, and
// their arrays were most of the planner's garbage.

export class MinCostFlow {
  private nodes = 0;
  private arcs = 0;
  private head: Int32Array;
  private to: Int32Array;
  private next: Int32Array;
  private cap: Float64Array;
  private cost: Float64Array;

  /** Room for `nodes` nodes and `arcs` arcs (each with its reverse) before the arrays grow. */
  constructor(nodes = 16, arcs = 16) {
    this.head = new Int32Array(Math.max(1, nodes));
    this.to = new Int32Array(Math.max(2, 2 * arcs));
    this.next = new Int32Array(this.to.length);
    this.cap = new Float64Array(this.to.length);
    this.cost = new Float64Array(this.to.length);
  }

  addNode(): number {
    if (this.nodes === this.head.length) this.head = grow(this.head, new Int32Array(this.nodes * 2));
    this.head[this.nodes] = -1;
    return this.nodes++;
  }

  /** An arc of capacity `cap`, each unit costing `cost`. Returns its id; its reverse arc is id ^ 1. */
  addArc(from: number, to: number, cap: number, cost = 0): number {
    const a = this.arcs;
    if (a + 2 > this.to.length) {
      const n = this.to.length * 2;
      this.to = grow(this.to, new Int32Array(n));
      this.next = grow(this.next, new Int32Array(n));
      this.cap = grow(this.cap, new Float64Array(n));
      this.cost = grow(this.cost, new Float64Array(n));
    }
    this.push(from, to, cap, cost);
    this.push(to, from, 0, -cost);
    return a;
  }

  /** Units sent along arc `a` (its reverse arc's residual capacity). */
  flowOn(a: number): number {
    return this.cap[a ^ 1];
  }

  private push(from: number, to: number, cap: number, cost: number): void {
    const a = this.arcs++;
    this.to[a] = to;
    this.cap[a] = cap;
    this.cost[a] = cost;
    this.next[a] = this.head[from];
    this.head[from] = a;
  }

  /** Sends flow from source to sink while a path lowers the total cost. */
  solve(source: number, sink: number): void {
    const n = this.nodes;
    const { head, to, cap, next, cost } = this;
    const dist = new Float64Array(n);
    const via = new Int32Array(n);
    const queued = new Uint8Array(n);
    const ring = new Int32Array(n);
    for (;;) {
      dist.fill(Infinity);
      dist[source] = 0;
      // First in, first out, as a growing list would take them.
      let first = 0,
        size = 1;
      ring[0] = source;
      queued[source] = 1;
      while (size > 0) {
        const u = ring[first];
        first = first + 1 === n ? 0 : first + 1;
        size--;
        queued[u] = 0;
        // A shortest path ends at the sink and never passes it: its many arcs back (every set's units) are not searched.
        if (u === sink) continue;
        const du = dist[u];
        for (let a = head[u]; a !== -1; a = next[a]) {
          if (cap[a] <= 0) continue;
          const v = to[a];
          const dv = du + cost[a];
          if (dv >= dist[v]) continue;
          dist[v] = dv;
          via[v] = a;
          if (!queued[v]) {
            queued[v] = 1;
            const at = first + size;
            ring[at >= n ? at - n : at] = v;
            size++;
          }
        }
      }
      if (!(dist[sink] < 0)) return;
      let units = Infinity;
      for (let v = sink; v !== source; v = to[via[v] ^ 1]) units = Math.min(units, cap[via[v]]);
      for (let v = sink; v !== source; v = to[via[v] ^ 1]) {
        cap[via[v]] -= units;
        cap[via[v] ^ 1] += units;
      }
    }
  }
}

/** `into` with `from`'s values at its start. */
function grow<T extends Int32Array | Float64Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
