import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';

import { requireActor, requireRole } from '../auth.server';
import { ChannelCard } from '../components/channels/channel-card';
import channelStyles from '../components/channels/channels.css';
import { NewChannelForm } from '../components/channels/new-channel-form';
import { ShownOnce } from '../components/channels/shown-once';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { fieldErrorOf } from '../components/field-error';
import { answerDomainErrors, parseForm, runAction } from '../route-input.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: channelStyles }];

export const meta: MetaFunction = () => [{ title: 'Sales channels · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'admin');
  return { channels: await answerDomainErrors(() => args.context.channels.listChannels()) };
}

/** What a submission did; `shown` holds a new key or secret, the only time it is in clear. */
interface Outcome extends Record<string, unknown> {
  message: string;
  shown?: { title: string; value: string; note: string };
}

/** The channels page's forms: add a channel, issue or revoke a key, set the webhook URL or secret. */
export async function action(args: ActionFunctionArgs) {
  return runAction(async (): Promise<Outcome> => {
    const actor = await requireActor(args, 'admin');
    const { channels } = args.context;
    const form = await parseForm(args.request, channels.forms.ChannelsPageForm);
    switch (form.intent) {
      case 'create-channel': {
        const created = await channels.createChannel({ actor, ...form });
        return { message: `${created.displayName} added. Create a key for it below.` };
      }
      case 'create-key': {
        const { key } = await channels.createChannelKey({ actor, channel: form.channel, label: form.label });
        return {
          message: `New key for ${form.channel}.`,
          shown: {
            title: `API key for ${form.channel}`,
            value: key,
            note: 'Copy it now and hand it to the channel: Kiwanda keeps only a hash of it and cannot show it again.',
          },
        };
      }
      case 'revoke-key':
        await channels.revokeChannelKey({ actor, keyId: form.keyId });
        return { message: `Key kiw_${form.keyId}_… is revoked: requests with it are refused from now on.` };
      case 'set-webhook': {
        const updated = await channels.setChannelWebhookUrl({
          actor,
          channel: form.channel,
          webhookUrl: form.webhookUrl,
        });
        return {
          message: updated.webhookUrl
            ? `Status webhooks of ${updated.displayName} go to ${updated.webhookUrl}.`
            : `${updated.displayName} gets no status webhooks any more.`,
        };
      }
      case 'rotate-secret': {
        const { secret } = await channels.rotateWebhookSecret({ actor, channel: form.channel });
        return {
          message: `New signing secret for ${form.channel}; webhooks are signed with it from now on.`,
          shown: {
            title: `Webhook signing secret for ${form.channel}`,
            value: secret,
            note: 'Give it to the channel’s receiver to check the Kiwanda-Signature header. It is not shown again.',
          },
        };
      }
    }
  });
}

/** The admins' sales channels: each channel's API keys and status-webhook settings. */
export default function Channels() {
  const { channels } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fields = result?.ok === false ? result.fields : undefined;
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Sales channels</h1>
          <p>
            The web shop and retail partners send orders through the <Link to="/developers/api">channels’ API</Link>{' '}
            with a key of their own, and hear of each order’s progress by signed status webhooks (see the{' '}
            <Link to="/admin/webhooks">delivery log</Link>).
          </p>
        </div>
      </header>
      {result?.ok === true ? (
        result.shown ? (
          <ShownOnce {...result.shown} />
        ) : (
          <p className="notice notice--good" role="status">
            {result.message}
          </p>
        )
      ) : null}
      {result?.ok === false ? (
        <p className="notice notice--bad" role="alert">
          {result.error}
        </p>
      ) : null}
      {channels.length === 0 ? <p className="muted">No channel yet: add the web shop first.</p> : null}
      {channels.map((channel) => (
        <ChannelCard key={channel.id} channel={channel} />
      ))}
      <NewChannelForm errorOf={(...names) => fieldErrorOf(fields, ...names)} />
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/admin/channels" backLabel="Back to the channels" />;
}
