import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { throttleProgress } from './throttle-progress';

describe('throttleProgress', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first report at once, then at most one per interval, always the latest', () => {
    const sent: number[] = [];
    const progress = throttleProgress<number>({ intervalMs: 100, send: (report) => sent.push(report) });
    progress.report(1);
    progress.report(2);
    progress.report(3);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([1, 3]);
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([1, 3]);
    progress.report(4);
    expect(sent).toEqual([1, 3, 4]);
  });

  it('flushes a final report at once and drops what was held back', () => {
    const sent: number[] = [];
    const progress = throttleProgress<number>({ intervalMs: 100, send: (report) => sent.push(report) });
    progress.report(1);
    progress.report(2);
    progress.flush(9);
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual([1, 9]);
  });
});
