import { type ReactNode } from 'react';

import { fieldOf } from './action-queue';
import { useJobQueue } from './action-queue-context';
import { type PhoneWords } from './phone-words';

/**
 * On a job's card: what was done to the job on this phone and still waits to be sent ("Accepted
 * — waiting to send", "2 pieces made — waiting to send"), then, once the server answered, what it
 * answered, so the person sees on the job itself what went through and what was refused.
 */
export function QueuedMark({ jobId, words }: { jobId: string; words: PhoneWords }) {
  const { pending, answer } = useJobQueue(jobId);
  if (pending.length > 0) {
    return (
      <ul className="job-queued" role="status" data-testid="job-pending" data-count={pending.length}>
        {pending.map((action) => (
          <li key={action.seq} data-kind={action.kind}>
            {words.queue.pending(action.kind, (name) => fieldOf(action, name))}
          </li>
        ))}
      </ul>
    );
  }
  if (!answer) return null;
  const text = !answer.ok
    ? words.queue.refused(answer.error)
    : answer.replayed
      ? words.alreadyDone
      : (words.done[answer.kind] ?? words.done.progress);
  return (
    <p className={`job-answer job-answer--${answer.ok ? 'ok' : 'bad'}`} role="status" data-testid="job-answer">
      {text}
    </p>
  );
}

/** True when an action of one of `kinds` waits for this job: its buttons would only repeat it. */
export function useQueuedKind(jobId: string, kinds: readonly string[]): boolean {
  return useJobQueue(jobId).pending.some((action) => kinds.includes(action.kind));
}

/** The job's queued mark, and `children` (the job's form) unless an action of `kinds` waits. */
export function UnlessQueued({
  jobId,
  kinds,
  words,
  children,
}: {
  jobId: string;
  kinds: readonly string[];
  words: PhoneWords;
  children: ReactNode;
}) {
  const queued = useQueuedKind(jobId, kinds);
  return (
    <>
      <QueuedMark jobId={jobId} words={words} />
      {queued ? null : children}
    </>
  );
}
