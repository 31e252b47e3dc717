const MAX_CHUNK = 512;

/**
 * An ordered multiset kept as a list of small sorted arrays (a flattened B+ tree of height two): lookups are two
 * binary searches and an insert or delete moves at most one chunk's worth of items, so indexes over hundreds of
 * thousands of entries stay fast without a full tree implementation.
 */
export class SortedChunks<T> {
  private chunks: T[][] = [];
  private count = 0;

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.count;
  }

  /** Replaces the content with already sorted items; used when an index is built over existing documents. */
  load(sorted: T[]): void {
    this.chunks = [];
    for (let i = 0; i < sorted.length; i += MAX_CHUNK / 2) this.chunks.push(sorted.slice(i, i + MAX_CHUNK / 2));
    this.count = sorted.length;
  }

  insert(item: T): void {
    if (this.chunks.length === 0) {
      this.chunks.push([item]);
      this.count = 1;
      return;
    }
    const chunkIndex = Math.min(
      this.chunkFor((x) => this.compare(x, item) < 0),
      this.chunks.length - 1,
    );
    const chunk = this.chunks[chunkIndex];
    chunk.splice(
      lowerIndex(chunk, (x) => this.compare(x, item) < 0),
      0,
      item,
    );
    this.count += 1;
    if (chunk.length > MAX_CHUNK) this.chunks.splice(chunkIndex + 1, 0, chunk.splice(MAX_CHUNK / 2));
  }

  /** Removes one item equal (by the comparator) to `item`; returns whether one was found. */
  remove(item: T): boolean {
    const chunkIndex = this.chunkFor((x) => this.compare(x, item) < 0);
    const chunk = this.chunks[chunkIndex];
    if (!chunk) return false;
    const at = lowerIndex(chunk, (x) => this.compare(x, item) < 0);
    if (at >= chunk.length || this.compare(chunk[at], item) !== 0) return false;
    chunk.splice(at, 1);
    this.count -= 1;
    if (chunk.length === 0) this.chunks.splice(chunkIndex, 1);
    return true;
  }

  /** Items in ascending order starting at the first one for which `isBefore` is false (`isBefore` must be monotone). */
  *ascendingFrom(isBefore: (item: T) => boolean = () => false): Generator<T> {
    let chunkIndex = this.chunkFor(isBefore);
    if (chunkIndex >= this.chunks.length) return;
    let offset = lowerIndex(this.chunks[chunkIndex], isBefore);
    while (chunkIndex < this.chunks.length) {
      const chunk = this.chunks[chunkIndex];
      for (; offset < chunk.length; offset++) yield chunk[offset];
      chunkIndex += 1;
      offset = 0;
    }
  }

  /** Up to `count` items in ascending order from the first one for which `isBefore` is false (no iterator overhead). */
  takeFrom(isBefore: (item: T) => boolean, count: number): T[] {
    const out: T[] = [];
    let chunkIndex = this.chunkFor(isBefore);
    if (chunkIndex >= this.chunks.length) return out;
    let offset = lowerIndex(this.chunks[chunkIndex], isBefore);
    while (chunkIndex < this.chunks.length && out.length < count) {
      const chunk = this.chunks[chunkIndex];
      for (; offset < chunk.length && out.length < count; offset++) out.push(chunk[offset]);
      chunkIndex += 1;
      offset = 0;
    }
    return out;
  }

  /** Items in descending order starting at the last one for which `isAfter` is false (`isAfter` must be monotone). */
  *descendingFrom(isAfter: (item: T) => boolean = () => false): Generator<T> {
    // Find the first chunk whose last item is after the bound; the answer is in it or the chunk before.
    let chunkIndex = this.chunkFor((item) => !isAfter(item));
    if (chunkIndex >= this.chunks.length) chunkIndex = this.chunks.length - 1;
    if (chunkIndex < 0) return;
    let offset = lowerIndex(this.chunks[chunkIndex], (item) => !isAfter(item)) - 1;
    while (chunkIndex >= 0) {
      const chunk = this.chunks[chunkIndex];
      for (; offset >= 0; offset--) yield chunk[offset];
      chunkIndex -= 1;
      offset = chunkIndex >= 0 ? this.chunks[chunkIndex].length - 1 : -1;
    }
  }

  /**
   * Calls `visit` on the items that lie between two bounds — from the first item for which `isBefore` is false
   * up to, not including, the first one for which `isBeforeEnd` is false — in ascending order, or descending
   * with `reverse`. Stops early when `visit` returns false. Both predicates must be monotone and the end must
   * not precede the start. The bounds are found by binary search, so the items in between are not compared.
   */
  visitBetween(
    isBefore: (item: T) => boolean,
    isBeforeEnd: (item: T) => boolean,
    reverse: boolean,
    visit: (item: T) => boolean | void,
  ): void {
    const start = this.locate(isBefore);
    const end = this.locateAfter(start, isBeforeEnd);
    if (!reverse) {
      let { chunk, offset } = start;
      while (chunk < end.chunk || (chunk === end.chunk && offset < end.offset)) {
        const items = this.chunks[chunk];
        const stop = chunk === end.chunk ? end.offset : items.length;
        for (; offset < stop; offset++) if (visit(items[offset]) === false) return;
        chunk += 1;
        offset = 0;
      }
      return;
    }
    let { chunk, offset } = end;
    for (;;) {
      if (offset === 0) {
        if (chunk === 0) return;
        chunk -= 1;
        offset = this.chunks[chunk].length;
        continue;
      }
      offset -= 1;
      if (chunk < start.chunk || (chunk === start.chunk && offset < start.offset)) return;
      if (visit(this.chunks[chunk][offset]) === false) return;
    }
  }

  /** How many items lie between two bounds (see visitBetween), without visiting them. */
  countBetween(isBefore: (item: T) => boolean, isBeforeEnd: (item: T) => boolean): number {
    const start = this.locate(isBefore);
    const end = this.locateAfter(start, isBeforeEnd);
    if (start.chunk === end.chunk) return Math.max(0, end.offset - start.offset);
    let count = this.chunks[start.chunk].length - start.offset + end.offset;
    for (let chunk = start.chunk + 1; chunk < end.chunk; chunk++) count += this.chunks[chunk].length;
    return count;
  }

  /** Where the first item for which `isBefore` is false sits: a chunk and an offset inside it (or past the end). */
  private locate(isBefore: (item: T) => boolean): { chunk: number; offset: number } {
    const chunk = this.chunkFor(isBefore);
    if (chunk >= this.chunks.length) return { chunk: this.chunks.length, offset: 0 };
    return { chunk, offset: lowerIndex(this.chunks[chunk], isBefore) };
  }

  /**
   * Like locate, for a bound known to be at or after `start`. Point lookups end within a few items of their
   * start, so those are probed first; a second binary search is needed only for longer runs.
   */
  private locateAfter(
    start: { chunk: number; offset: number },
    isBefore: (item: T) => boolean,
  ): { chunk: number; offset: number } {
    const items = this.chunks[start.chunk];
    if (!items) return start;
    const probeEnd = Math.min(items.length, start.offset + 4);
    for (let offset = start.offset; offset < probeEnd; offset++) {
      if (!isBefore(items[offset])) return { chunk: start.chunk, offset };
    }
    // Within this chunk when its last item is not before the bound; otherwise search the whole structure.
    if (probeEnd < items.length && !isBefore(items[items.length - 1])) {
      return { chunk: start.chunk, offset: lowerIndex(items, isBefore, probeEnd) };
    }
    return this.locate(isBefore);
  }

  /** Index of the first chunk whose last item is not "before"; chunks.length when all are. */
  private chunkFor(isBefore: (item: T) => boolean): number {
    let low = 0;
    let high = this.chunks.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const chunk = this.chunks[mid];
      if (isBefore(chunk[chunk.length - 1])) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function lowerIndex<T>(items: T[], isBefore: (item: T) => boolean, from = 0): number {
  let low = from;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (isBefore(items[mid])) low = mid + 1;
    else high = mid;
  }
  return low;
}
