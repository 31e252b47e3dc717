import { Form } from '@remix-run/react';
import { type FormEvent, type ReactNode } from 'react';

import { newActionId } from './action-id';
import { useActionQueue } from './action-queue-context';

/**
 * A form for one phone action on one job. It posts to the page's action, so it works without
 * JavaScript, carrying the id the server rendered. With JavaScript the phone makes a fresh id at
 * each tap and hands the form to its action queue, which keeps it while there is no network.
 */
export function PhoneActionForm({
  kind,
  jobId,
  actionId,
  children,
  className,
  encType,
  testId,
}: {
  kind: string;
  jobId: string;
  /** The id rendered by the server, used when the page runs without JavaScript. */
  actionId: string;
  children: ReactNode;
  className?: string;
  encType?: 'multipart/form-data';
  testId?: string;
}) {
  const queue = useActionQueue();
  const stampActionId = (event: FormEvent<HTMLFormElement>) => {
    const field = event.currentTarget.elements.namedItem('actionId');
    if (field instanceof HTMLInputElement) field.value = newActionId();
    if (!queue) return;
    // Remix leaves a form whose submit event was cancelled alone.
    event.preventDefault();
    queue.submit(event.currentTarget);
  };
  return (
    <Form
      method="post"
      className={className ?? 'phone-form'}
      encType={encType}
      onSubmit={stampActionId}
      data-testid={testId}
      data-phone-action={kind}
    >
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="jobId" value={jobId} />
      <input type="hidden" name="actionId" defaultValue={actionId} />
      {children}
    </Form>
  );
}

/** The id a page without JavaScript sends for one form: the page's nonce, the action, the job. */
export function renderedActionId(nonce: string, kind: string, jobId: string): string {
  return `${nonce}-${kind}-${jobId}`;
}
