/**
 * Group commit: many writers ask for "everything appended so far is on disk" and share each device flush.
 * A flush covers what was appended before it started; a request made while one is running waits for the
 * next, which starts as soon as the running one ends and covers every request that arrived meanwhile. So
 * under load one fdatasync acknowledges a whole batch of journaled writes instead of one each.
 */
export class GroupSync {
  private running: Promise<void> | undefined;
  private next: { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } | undefined;

  constructor(private readonly flush: () => Promise<void>) {}

  /** Resolves once a flush that started after this call has finished. */
  request(): Promise<void> {
    if (!this.running) return this.start();
    if (!this.next) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.next = { promise, resolve, reject };
    }
    return this.next.promise;
  }

  private start(): Promise<void> {
    const running = this.flush().finally(() => {
      this.running = undefined;
      const waiting = this.next;
      this.next = undefined;
      if (waiting) this.start().then(waiting.resolve, waiting.reject);
    });
    this.running = running;
    return running;
  }
}
