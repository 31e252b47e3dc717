/** One caller's item, waiting to be handled with the others gathered in the same turn. */
export interface Gathered<Item, Answer> {
  item: Item;
  resolve: (answer: Answer) => void;
  reject: (error: unknown) => void;
}

/**
 * A function whose calls made during one turn of the event loop are handled together: the first
 * call of a turn waits for its end (setImmediate: no timer, no added latency when it is alone),
 * then `handle` receives every item asked for meanwhile, in order, and answers each. When the
 * server keeps up, each call is handled on its own; when requests queue up, the queued ones share
 * the work (one read, one pass, one write), which is what lets the server catch up.
 */
export function gatherEachTurn<Item, Answer>(
  handle: (gathered: Gathered<Item, Answer>[]) => Promise<void>,
): (item: Item) => Promise<Answer> {
  let gathering: Gathered<Item, Answer>[] | null = null;
  return (item) =>
    new Promise((resolve, reject) => {
      if (!gathering) {
        const started: Gathered<Item, Answer>[] = [];
        gathering = started;
        setImmediate(() => {
          gathering = null;
          void handle(started);
        });
      }
      gathering.push({ item, resolve, reject });
    });
}
