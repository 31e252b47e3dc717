/**
 * Passes on at most one progress report per `intervalMs` (leading and trailing: the latest
 * report held back is sent when the interval ends), so a fast optimizer cannot flood every
 * planner's socket. `flush` sends a final report at once and drops any held back.
 */
export function throttleProgress<Report>({
  intervalMs,
  send,
}: {
  intervalMs: number;
  send: (report: Report) => void;
}): { report: (report: Report) => void; flush: (report: Report) => void } {
  let lastSentAt = -Infinity;
  let held: Report | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const sendNow = (report: Report) => {
    lastSentAt = performance.now();
    held = null;
    send(report);
  };

  return {
    report(report) {
      const wait = lastSentAt + intervalMs - performance.now();
      if (wait <= 0 && timer === null) {
        sendNow(report);
        return;
      }
      held = report;
      timer ??= setTimeout(
        () => {
          timer = null;
          if (held !== null) sendNow(held);
        },
        Math.max(0, wait),
      );
    },
    flush(report) {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      sendNow(report);
    },
  };
}
