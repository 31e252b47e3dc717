import { Form } from '@remix-run/react';

import type { ChannelRow } from '#server/services/channels/list-channels';

import { formatNairobiTime } from '../../format';

function KeysTable({ channel }: { channel: ChannelRow }) {
  if (channel.keys.length === 0) return <p className="muted">No key yet: this channel cannot send orders.</p>;
  return (
    <div className="table-scroll">
      <table className="data" data-testid={`keys-${channel.name}`}>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Label</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {channel.keys.map((key) => (
            <tr key={key.keyId}>
              <td>
                <code>{key.prefix}</code>
              </td>
              <td>{key.label ?? '—'}</td>
              <td className="nowrap">{formatNairobiTime(key.createdAt)}</td>
              <td className="nowrap">{key.lastUsedAt ? formatNairobiTime(key.lastUsedAt) : 'never'}</td>
              <td>
                {key.revokedAt ? (
                  <span className="badge badge--bad">revoked {formatNairobiTime(key.revokedAt)}</span>
                ) : (
                  <Form method="post" className="channel-form" aria-label={`Revoke key ${key.prefix}`}>
                    <input type="hidden" name="intent" value="revoke-key" />
                    <input type="hidden" name="keyId" value={key.keyId} />
                    <label className="channel-form__check">
                      <input type="checkbox" name="confirm" value="yes" required /> refuse it from now on
                    </label>
                    <button type="submit" className="button button--small">
                      Revoke
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One sales channel: where its webhooks go, their signing secret, and its API keys. */
export function ChannelCard({ channel }: { channel: ChannelRow }) {
  return (
    <section className="card channel-card" aria-labelledby={`channel-${channel.name}`}>
      <h2 id={`channel-${channel.name}`}>{channel.displayName}</h2>
      <p className="muted">
        {channel.kind === 'web-shop' ? 'Web shop' : `Retail partner · ${channel.partner ?? ''}`} · handle{' '}
        <code>{channel.name}</code>
        {channel.active ? '' : ' · switched off'}
      </p>
      <div className="channel-card__settings">
        <Form method="post" className="channel-form" aria-label={`Webhook URL of ${channel.displayName}`}>
          <input type="hidden" name="intent" value="set-webhook" />
          <input type="hidden" name="channel" value={channel.name} />
          <label className="channel-form__grow">
            Status webhooks go to
            <input
              name="webhookUrl"
              type="url"
              defaultValue={channel.webhookUrl ?? ''}
              placeholder="https://shop.example/kiwanda-webhooks"
              maxLength={500}
            />
          </label>
          <button type="submit" className="button button--quiet">
            Save URL
          </button>
        </Form>
        <Form method="post" className="channel-form" aria-label={`Webhook secret of ${channel.displayName}`}>
          <input type="hidden" name="intent" value="rotate-secret" />
          <input type="hidden" name="channel" value={channel.name} />
          <span>
            Signing secret: <strong>{channel.hasWebhookSecret ? 'set' : 'none'}</strong>
            {channel.webhookUrl && !channel.hasWebhookSecret ? (
              <span className="field-error"> (no webhook is sent without one)</span>
            ) : null}
          </span>
          <button type="submit" className="button button--quiet">
            {channel.hasWebhookSecret ? 'Rotate secret' : 'Generate secret'}
          </button>
        </Form>
      </div>
      <h3>API keys</h3>
      <KeysTable channel={channel} />
      <Form method="post" className="channel-form" aria-label={`New key for ${channel.displayName}`}>
        <input type="hidden" name="intent" value="create-key" />
        <input type="hidden" name="channel" value={channel.name} />
        <label>
          Label of a new key
          <input name="label" maxLength={120} placeholder="Production shop" />
        </label>
        <button type="submit" className="button">
          Create key
        </button>
      </Form>
    </section>
  );
}
