// Dinic's maximum flow on a small graph with real-valued capacities, in typed arrays. The
// balancing stage runs it many times on the aggregate (classes → (pool, week) nodes), whose
// graphs have a few hundred vertices and a few thousand edges, so it must allocate nothing per run.

const EPSILON = 1e-9;

export class FlowGraph {
  readonly vertexCount: number;
  private heads: Int32Array;
  private next: number[] = [];
  private to: number[] = [];
  private capacity: number[] = [];
  private flow: Float64Array = new Float64Array(0);
  private level: Int32Array;
  private cursor: Int32Array;
  private queue: Int32Array;

  constructor(vertexCount: number) {
    this.vertexCount = vertexCount;
    this.heads = new Int32Array(vertexCount).fill(-1);
    this.level = new Int32Array(vertexCount);
    this.cursor = new Int32Array(vertexCount);
    this.queue = new Int32Array(vertexCount);
  }

  /** Adds an edge and its reverse; returns the edge's index for `setCapacity` and `flowOf`. */
  addEdge(from: number, to: number, capacity: number): number {
    const edge = this.to.length;
    this.to.push(to, from);
    this.capacity.push(capacity, 0);
    this.next.push(this.heads[from], this.heads[to]);
    this.heads[from] = edge;
    this.heads[to] = edge + 1;
    return edge;
  }

  setCapacity(edge: number, capacity: number) {
    this.capacity[edge] = capacity;
  }

  flowOf(edge: number): number {
    return this.flow[edge];
  }

  /** Maximum flow from `source` to `sink` with the current capacities, from zero flow. */
  maxFlow(source: number, sink: number): number {
    if (this.flow.length !== this.to.length) this.flow = new Float64Array(this.to.length);
    else this.flow.fill(0);
    let total = 0;
    while (this.buildLevels(source, sink)) {
      this.cursor.set(this.heads);
      for (let pushed = this.push(source, sink, Infinity); pushed > EPSILON; pushed = this.push(source, sink, Infinity))
        total += pushed;
    }
    return total;
  }

  /** After `maxFlow`: whether each vertex is reachable from the source in the residual graph. */
  sourceSide(source: number): Uint8Array {
    const seen = new Uint8Array(this.vertexCount);
    const queue = this.queue;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    seen[source] = 1;
    while (head < tail) {
      const vertex = queue[head++];
      for (let e = this.heads[vertex]; e >= 0; e = this.next[e]) {
        const target = this.to[e];
        if (!seen[target] && this.capacity[e] - this.flow[e] > EPSILON) {
          seen[target] = 1;
          queue[tail++] = target;
        }
      }
    }
    return seen;
  }

  private buildLevels(source: number, sink: number): boolean {
    this.level.fill(-1);
    const queue = this.queue;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    this.level[source] = 0;
    while (head < tail) {
      const vertex = queue[head++];
      for (let e = this.heads[vertex]; e >= 0; e = this.next[e]) {
        const target = this.to[e];
        if (this.level[target] < 0 && this.capacity[e] - this.flow[e] > EPSILON) {
          this.level[target] = this.level[vertex] + 1;
          queue[tail++] = target;
        }
      }
    }
    return this.level[sink] >= 0;
  }

  private push(vertex: number, sink: number, limit: number): number {
    if (vertex === sink) return limit;
    for (let e = this.cursor[vertex]; e >= 0; e = this.next[e], this.cursor[vertex] = e) {
      const target = this.to[e];
      const room = this.capacity[e] - this.flow[e];
      if (room <= EPSILON || this.level[target] !== this.level[vertex] + 1) continue;
      const pushed = this.push(target, sink, Math.min(limit, room));
      if (pushed > EPSILON) {
        this.flow[e] += pushed;
        this.flow[e ^ 1] -= pushed;
        return pushed;
      }
    }
    return 0;
  }
}
