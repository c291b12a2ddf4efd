// Min-cost flow with lexicographic costs: each arc's unit cost is a vector (one entry per objective
// level, highest priority first) compared entry by entry, so strict priorities need no weights and
// no floating-point headroom. Successive shortest paths (Bellman–Ford with a queue, since costs may
// be negative): starting from a graph with no cycles, augmenting along a shortest path never creates
// a negative cycle, and stopping at the first path that does not lower the cost gives the cheapest
// flow of any amount (Ahuja, Magnanti & Orlin, Network Flows, ch. 9).

export class MinCostFlow {
  private readonly head: number[] = [];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly next: number[] = [];
  /** Arc a's cost vector at cost[a * levels … a * levels + levels − 1]; a's reverse arc is a ^ 1. */
  private readonly cost: number[] = [];

  constructor(private readonly levels: number) {}

  addNode(): number {
    this.head.push(-1);
    return this.head.length - 1;
  }

  /** An arc of capacity `cap`, each unit costing `cost` (sparse: [level, amount] pairs). Returns its id. */
  addArc(from: number, to: number, cap: number, cost: Array<[number, number]> = []): number {
    const a = this.to.length;
    this.push(from, to, cap);
    this.push(to, from, 0);
    for (let k = 0; k < 2 * this.levels; k++) this.cost.push(0);
    for (const [k, c] of cost) {
      this.cost[a * this.levels + k] += c;
      this.cost[(a + 1) * this.levels + k] -= c;
    }
    return a;
  }

  /** Units sent along arc `a` (its reverse arc's residual capacity). */
  flowOn(a: number): number {
    return this.cap[a ^ 1];
  }

  private push(from: number, to: number, cap: number): void {
    this.to.push(to);
    this.cap.push(cap);
    this.next.push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  /** Sends flow from source to sink while a path lowers the total cost. */
  solve(source: number, sink: number): void {
    const n = this.head.length,
      K = this.levels;
    const dist = new Float64Array(n * K);
    const reached = new Uint8Array(n);
    const via = new Int32Array(n);
    const queued = new Uint8Array(n);
    // Compares dist[u] + cost[a] with dist[v]: negative when the arc gives v a shorter path.
    const compare = (u: number, a: number, v: number) => {
      for (let k = 0; k < K; k++) {
        const d = dist[u * K + k] + this.cost[a * K + k] - dist[v * K + k];
        if (d !== 0) return d;
      }
      return 0;
    };
    for (;;) {
      reached.fill(0);
      reached[source] = 1;
      dist.fill(0, source * K, source * K + K);
      const queue = [source];
      queued[source] = 1;
      for (let q = 0; q < queue.length; q++) {
        const u = queue[q];
        queued[u] = 0;
        for (let a = this.head[u]; a !== -1; a = this.next[a]) {
          const v = this.to[a];
          if (this.cap[a] <= 0 || (reached[v] && compare(u, a, v) >= 0)) continue;
          for (let k = 0; k < K; k++) dist[v * K + k] = dist[u * K + k] + this.cost[a * K + k];
          reached[v] = 1;
          via[v] = a;
          if (!queued[v]) {
            queued[v] = 1;
            queue.push(v);
          }
        }
      }
      if (!reached[sink] || !this.lowers(dist, sink)) return;
      let units = Infinity;
      for (let v = sink; v !== source; v = this.to[via[v] ^ 1]) units = Math.min(units, this.cap[via[v]]);
      for (let v = sink; v !== source; v = this.to[via[v] ^ 1]) {
        this.cap[via[v]] -= units;
        this.cap[via[v] ^ 1] += units;
      }
    }
  }

  /** Whether the path's cost vector at `node` is lexicographically below zero. */
  private lowers(dist: Float64Array, node: number): boolean {
    for (let k = 0; k < this.levels; k++) {
      const d = dist[node * this.levels + k];
      if (d !== 0) return d < 0;
    }
    return false;
  }
}
