/**
 * The k smallest items of a stream under a total order, kept in a bounded max-heap: O(n log k) time and O(k)
 * memory, so `sort + limit` over a large collection does not sort every document. With a total order (ties
 * broken by arrival position) the result equals the first k items of a full stable sort.
 */
export class TopK<T> {
  /** Max-heap: the largest kept item sits at the root, ready to be displaced by a smaller one. */
  private readonly heap: T[] = [];

  constructor(
    private readonly k: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  /** Whether `item` would be kept if offered now (lets callers skip building items that would be dropped). */
  admits(item: T): boolean {
    return this.heap.length < this.k || this.compare(item, this.heap[0]) < 0;
  }

  offer(item: T): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push(item);
      this.siftUp(heap.length - 1);
    } else if (this.k > 0 && this.compare(item, heap[0]) < 0) {
      heap[0] = item;
      this.siftDown(0);
    }
  }

  /** The kept items, smallest first. */
  sorted(): T[] {
    return this.heap.slice().sort(this.compare);
  }

  private siftUp(at: number): void {
    const heap = this.heap;
    const item = heap[at];
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.compare(heap[parent], item) >= 0) break;
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = item;
  }

  private siftDown(at: number): void {
    const heap = this.heap;
    const item = heap[at];
    const length = heap.length;
    for (;;) {
      let largest = at * 2 + 1;
      if (largest >= length) break;
      const right = largest + 1;
      if (right < length && this.compare(heap[right], heap[largest]) > 0) largest = right;
      if (this.compare(heap[largest], item) <= 0) break;
      heap[at] = heap[largest];
      at = largest;
    }
    heap[at] = item;
  }
}
