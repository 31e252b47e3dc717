// Free minutes per skill and week, kept in a max-tree over the workshops with the skill, so that
// "which workshops can still take this much in week t?" visits only those workshops instead of
// every workshop of the skill. On a busy network most workshop-weeks are full, and the stages
// that look for room (the fill, above all) used to spend most of their time scanning them.

export class RoomIndex {
  private readonly weeks: number;
  /** Leaves per tree of skill s: a power of two at least its workshop count. */
  private readonly leaves: Int32Array;
  /** One tree per skill and week (s * weeks + t): node 1 is the root, leaf i is at leaves + i. */
  private readonly trees: Float64Array[];
  /** The workshops of each skill, by leaf. */
  private readonly members: ReadonlyArray<readonly number[]>;
  /** For every workshop, the skills it has and its leaf in each: [skill, leaf, skill, leaf, …]. */
  private readonly slotsOf: Int32Array[];
  /** Explicit stack for `visit`: deep enough for any tree of up to 2^30 leaves. */
  private readonly stack = new Int32Array(64);

  constructor({
    workshopsBySkill,
    workshopCount,
    weeks,
    freeMinutes,
  }: {
    /** Workshop indexes with each skill, in ascending order. */
    workshopsBySkill: ReadonlyArray<readonly number[]>;
    workshopCount: number;
    weeks: number;
    freeMinutes: (w: number, t: number) => number;
  }) {
    this.weeks = weeks;
    this.members = workshopsBySkill;
    this.leaves = Int32Array.from(
      workshopsBySkill,
      (members) => 2 ** Math.ceil(Math.log2(Math.max(members.length, 1))),
    );
    const slots: number[][] = Array.from({ length: workshopCount }, () => []);
    workshopsBySkill.forEach((members, s) => members.forEach((w, leaf) => slots[w].push(s, leaf)));
    this.slotsOf = slots.map((list) => Int32Array.from(list));
    this.trees = [];
    workshopsBySkill.forEach((members, s) => {
      for (let t = 0; t < weeks; t++) {
        const size = this.leaves[s];
        const tree = new Float64Array(2 * size).fill(Number.NEGATIVE_INFINITY);
        members.forEach((w, leaf) => (tree[size + leaf] = freeMinutes(w, t)));
        for (let node = size - 1; node >= 1; node--) tree[node] = Math.max(tree[2 * node], tree[2 * node + 1]);
        this.trees.push(tree);
      }
    });
  }

  /** Records workshop w's free minutes in week t. */
  update(w: number, t: number, free: number): void {
    const slots = this.slotsOf[w];
    for (let i = 0; i < slots.length; i += 2) {
      const s = slots[i];
      const tree = this.trees[s * this.weeks + t];
      let node = this.leaves[s] + slots[i + 1];
      tree[node] = free;
      for (node >>= 1; node >= 1; node >>= 1) {
        const largest = Math.max(tree[2 * node], tree[2 * node + 1]);
        if (tree[node] === largest) break;
        tree[node] = largest;
      }
    }
  }

  /** The most free minutes any workshop with skill s has in week t (-Infinity when none has it). */
  largest(s: number, t: number): number {
    return this.trees[s * this.weeks + t][1];
  }

  /**
   * Calls `visitor(w)` for every workshop w with skill s and at least `atLeast` free minutes in
   * week t, in ascending order of w. The visitor returns the threshold for the rest of the visit,
   * so a search that has found a good candidate can skip everything that cannot beat it.
   */
  visit(s: number, t: number, atLeast: number, visitor: (w: number) => number): void {
    const tree = this.trees[s * this.weeks + t];
    const size = this.leaves[s];
    const members = this.members[s];
    const stack = this.stack;
    let threshold = atLeast;
    let top = 0;
    stack[top++] = 1;
    while (top > 0) {
      const node = stack[--top];
      if (tree[node] < threshold) continue;
      if (node >= size) {
        threshold = visitor(members[node - size]);
      } else {
        // Right child first onto the stack, so the left one (lower workshops) is visited first.
        stack[top++] = 2 * node + 1;
        stack[top++] = 2 * node;
      }
    }
  }
}
