// Min-cost flow by successive shortest paths (Bellman–Ford with a queue, since costs may be
// negative): starting from a graph with no cycles, augmenting along a shortest path never creates a
// negative cycle, and stopping at the first path that does not lower the cost gives the cheapest
// flow of any amount (Ahuja, Magnanti & Orlin, Network Flows, ch. 9). Costs are integers kept exact
// in doubles by the caller (engine/network.ts weighs the objective's levels).

export class MinCostFlow {
  private readonly head: number[] = [];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly next: number[] = [];
  private readonly cost: number[] = [];

  addNode(): number {
    this.head.push(-1);
    return this.head.length - 1;
  }

  /** An arc of capacity `cap`, each unit costing `cost`. Returns its id; its reverse arc is id ^ 1. */
  addArc(from: number, to: number, cap: number, cost = 0): number {
    const a = this.to.length;
    this.push(from, to, cap, cost);
    this.push(to, from, 0, -cost);
    return a;
  }

  /** Units sent along arc `a` (its reverse arc's residual capacity). */
  flowOn(a: number): number {
    return this.cap[a ^ 1];
  }

  private push(from: number, to: number, cap: number, cost: number): void {
    this.to.push(to);
    this.cap.push(cap);
    this.cost.push(cost);
    this.next.push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  /** Sends flow from source to sink while a path lowers the total cost. */
  solve(source: number, sink: number): void {
    const n = this.head.length;
    const { head, to, cap, next, cost } = this;
    const dist = new Float64Array(n);
    const via = new Int32Array(n);
    const queued = new Uint8Array(n);
    for (;;) {
      dist.fill(Infinity);
      dist[source] = 0;
      const queue = [source];
      queued[source] = 1;
      for (let q = 0; q < queue.length; q++) {
        const u = queue[q];
        queued[u] = 0;
        // A shortest path ends at the sink and never passes it: its many arcs back (every set's units) are not searched.
        if (u === sink) continue;
        for (let a = head[u]; a !== -1; a = next[a]) {
          const v = to[a];
          if (cap[a] <= 0 || dist[u] + cost[a] >= dist[v]) continue;
          dist[v] = dist[u] + cost[a];
          via[v] = a;
          if (!queued[v]) {
            queued[v] = 1;
            queue.push(v);
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
