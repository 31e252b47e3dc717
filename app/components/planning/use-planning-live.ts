import { useEffect, useState } from 'react';

import { COMMIT_PHASES, PLAN_INPUT_EVENTS, type PlanProgress } from '#server/domain/events';

import { useSocket } from '../../realtime/socket-context';

const isCommitPhase = (phase: string) => (COMMIT_PHASES as readonly string[]).includes(phase);

export type PlanProgressView = Pick<PlanProgress, 'planId' | 'trigger' | 'phase' | 'percent' | 'message'>;

/**
 * The run under way as the server last reported it: the loader's view first, then every
 * `plan:progress` pushed over the page's socket. A finished or failed run clears it.
 */
export function usePlanProgress(initial: PlanProgressView | null): PlanProgressView | null {
  const { socket } = useSocket();
  const [progress, setProgress] = useState<PlanProgressView | null>(initial);

  useEffect(() => setProgress(initial), [initial]);
  useEffect(() => {
    if (!socket) return;
    // A commit's progress belongs to its plan's commit panel (useCommitProgress), not to the run's bar.
    const onProgress = ({ planId, trigger, phase, percent, message }: PlanProgress) => {
      if (!isCommitPhase(phase)) setProgress({ planId, trigger, phase, percent, message });
    };
    socket.on('plan:progress', onProgress);
    return () => {
      socket.off('plan:progress', onProgress);
    };
  }, [socket]);
  return progress;
}

/**
 * Counts what changed in the planning data since the page was shown: each such event changes the
 * data version a proposal was computed on, so a commit would be refused as stale.
 */
export function useDataChangesSinceLoad(resetKey: string): number {
  const { socket } = useSocket();
  const [changes, setChanges] = useState(0);
  useEffect(() => setChanges(0), [resetKey]);
  useEffect(() => {
    if (!socket) return;
    const count = () => setChanges((value) => value + 1);
    PLAN_INPUT_EVENTS.forEach((name) => socket.on(name, count));
    return () => PLAN_INPUT_EVENTS.forEach((name) => socket.off(name, count));
  }, [socket]);
  return changes;
}

/** The progress of a commit of plan `planId` under way, as the server pushes it (null before any). */
export function useCommitProgress(planId: string): PlanProgressView | null {
  const { socket } = useSocket();
  const [progress, setProgress] = useState<PlanProgressView | null>(null);
  useEffect(() => setProgress(null), [planId]);
  useEffect(() => {
    if (!socket) return;
    const onProgress = (event: PlanProgress) => {
      if (event.planId === planId && isCommitPhase(event.phase)) setProgress(event);
    };
    socket.on('plan:progress', onProgress);
    return () => {
      socket.off('plan:progress', onProgress);
    };
  }, [socket, planId]);
  return progress;
}
