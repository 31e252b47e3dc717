import { Types } from 'mongoose';

import { DEFAULT_LANGUAGE, type Language } from '../../domain/languages';
import { type MessageKind } from '../../domain/message-status';
import { Artisan } from '../../models/artisan';
import { SmsMessage, type SmsMessageDoc } from '../../models/sms-message';
import { User } from '../../models/user';
import { type UnitOfWork } from '../run-in-transaction';

/** One SMS to write: to whom, and its words in each language (the artisan's is chosen here). */
export interface MessageDraft {
  artisan: Types.ObjectId;
  render: (language: Language) => string;
  /** The number to write to when not the artisan's own (a receipt goes to the number paid). */
  phone?: string;
}

/** The unique key of one message: the same cause never writes to the same artisan twice. */
export function dedupeKeyOf({ kind, sourceId, artisan }: { kind: MessageKind; sourceId: string; artisan: string }) {
  return `${kind}:${sourceId}:${artisan}`;
}

/**
 * Writes SMS into the outbox inside the caller's transaction, so a message exists exactly when
 * the change that causes it is committed. Messages whose key is already there are left alone:
 * the same cause applied twice (a repeated event, a retried transaction) queues nothing more.
 * The sender worker (send-messages.ts) sends them after the commit.
 */
export async function queueMessages({
  unit,
  kind,
  sourceId,
  drafts,
  at,
}: {
  unit: UnitOfWork;
  kind: MessageKind;
  sourceId: string;
  drafts: MessageDraft[];
  at: Date;
}): Promise<number> {
  if (drafts.length === 0) return 0;
  const { session } = unit;
  const artisanIds = [...new Set(drafts.map((draft) => String(draft.artisan)))].map((id) => new Types.ObjectId(id));
  // NOTE: one after another: operations of one transaction must not run in parallel on its session.
  const artisans = await Artisan.find(
    { _id: { $in: artisanIds } },
    { name: 1, phone: 1, workshop: 1, language: 1 },
    { session, lean: true },
  );
  const users = await User.find(
    { artisan: { $in: artisanIds }, active: true },
    { artisan: 1, language: 1 },
    { session, lean: true },
  );
  const artisanById = new Map(artisans.map((artisan) => [String(artisan._id), artisan]));
  const userByArtisan = new Map(users.map((user) => [String(user.artisan), user]));
  const keyed = drafts.map((draft) => ({
    draft,
    key: dedupeKeyOf({ kind, sourceId, artisan: String(draft.artisan) }),
  }));
  const existing = await SmsMessage.find(
    { dedupeKey: { $in: keyed.map(({ key }) => key) } },
    { dedupeKey: 1 },
    {
      session,
      lean: true,
    },
  );
  const taken = new Set(existing.map((message) => message.dedupeKey));
  const messages: SmsMessageDoc[] = [];
  for (const { draft, key } of keyed) {
    const artisan = artisanById.get(String(draft.artisan));
    if (!artisan || taken.has(key)) continue;
    taken.add(key);
    const user = userByArtisan.get(String(draft.artisan));
    // The artisan's own choice on their phone wins over what HQ recorded for them.
    const language = user?.language ?? artisan.language ?? DEFAULT_LANGUAGE;
    messages.push({
      _id: new Types.ObjectId(),
      kind,
      sourceId,
      dedupeKey: key,
      artisan: artisan._id,
      workshop: artisan.workshop,
      ...(user ? { user: user._id } : {}),
      recipientName: artisan.name,
      phone: draft.phone ?? artisan.phone,
      language,
      text: draft.render(language),
      status: 'queued',
      attempts: 0,
      nextAttemptAt: at,
      reports: [],
      createdAt: at,
      updatedAt: at,
    });
  }
  if (messages.length === 0) return 0;
  // NOTE: lean, as the job offers they come with: a whole-network commit may queue thousands.
  await SmsMessage.insertMany(messages, { session, lean: true });
  unit.publishAfterCommit('message:changed', { kind, status: 'queued', count: messages.length });
  return messages.length;
}
