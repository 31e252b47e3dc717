import { Form } from '@remix-run/react';

import { CHANNEL_KINDS } from '#server/domain/channel-kinds';

import { FieldError } from '../field-error';

const KIND_LABELS = { 'web-shop': 'Web shop', 'retail-partner': 'Retail partner' } as const;

/** Adds a sales channel: the web shop, or a retail partner under the name its orders carry. */
export function NewChannelForm({ errorOf }: { errorOf: (...names: string[]) => string | undefined }) {
  return (
    <Form method="post" className="card" aria-label="Add a channel">
      <h2>Add a channel</h2>
      <input type="hidden" name="intent" value="create-channel" />
      <div className="channel-form">
        <label>
          Kind
          <select name="kind" defaultValue="retail-partner">
            {CHANNEL_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
          <FieldError message={errorOf('kind')} />
        </label>
        <label>
          Partner (retail)
          <input name="partner" maxLength={80} placeholder="Shopbop" />
          <FieldError message={errorOf('partner')} />
        </label>
        <label>
          Name shown
          <input name="displayName" required maxLength={120} placeholder="Shopbop purchase orders" />
          <FieldError message={errorOf('displayName')} />
        </label>
        <label>
          Handle (for the CLI and URLs)
          <input name="name" required maxLength={60} pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="shopbop" />
          <FieldError message={errorOf('name')} />
        </label>
        <button type="submit" className="button">
          Add channel
        </button>
      </div>
    </Form>
  );
}
