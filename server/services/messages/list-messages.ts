import { type QueryFilter, Types } from 'mongoose';
import { z } from 'zod';

import { type Language } from '../../domain/languages';
import {
  MESSAGE_KINDS,
  MESSAGE_STATES,
  type DeliveryStatus,
  type MessageKind,
  type MessageState,
} from '../../domain/message-status';
import { SmsMessage, type SmsMessageDoc } from '../../models/sms-message';

export const MESSAGE_PAGE_SIZE = 50;

/** The messages page's URL: filters by kind, state and recipient, and the page. */
export const MessageListQuery = z.object({
  kind: z.enum(MESSAGE_KINDS, { error: `must be one of ${MESSAGE_KINDS.join(', ')}` }).optional(),
  status: z.enum(MESSAGE_STATES, { error: `must be one of ${MESSAGE_STATES.join(', ')}` }).optional(),
  artisan: z
    .string()
    .refine((value) => Types.ObjectId.isValid(value) && /^[0-9a-f]{24}$/i.test(value), 'is not an artisan id')
    .optional(),
  page: z.coerce.number().int('must be a whole number').min(1).max(100_000).default(1),
});
export type MessageListQuery = z.output<typeof MessageListQuery>;

/** One message as the page shows it. */
export interface MessageRow {
  id: string;
  kind: MessageKind;
  status: MessageState;
  artisanId: string;
  recipientName: string;
  phone: string;
  language: Language;
  text: string;
  attempts: number;
  queuedAt: Date;
  sentAt: Date | null;
  resolvedAt: Date | null;
  providerMessageId: string | null;
  costCents: number | null;
  cost: string | null;
  lastError: string | null;
  failureReason: string | null;
  reports: { status: DeliveryStatus; networkCode: string | null; failureReason: string | null; receivedAt: Date }[];
}

export interface MessageList {
  rows: MessageRow[];
  /** Messages per state among those the kind and recipient filters keep (before the state filter). */
  counts: Record<MessageState, number>;
  total: number;
  page: number;
  pages: number;
  recipientName: string | null;
}

function rowOf(message: SmsMessageDoc): MessageRow {
  return {
    id: String(message._id),
    kind: message.kind,
    status: message.status,
    artisanId: String(message.artisan),
    recipientName: message.recipientName,
    phone: message.phone,
    language: message.language,
    text: message.text,
    attempts: message.attempts,
    queuedAt: message.createdAt,
    sentAt: message.sentAt ?? null,
    resolvedAt: message.resolvedAt ?? null,
    providerMessageId: message.providerMessageId ?? null,
    costCents: message.costCents ?? null,
    cost: message.cost ?? null,
    lastError: message.lastError ?? null,
    failureReason: message.failureReason ?? null,
    reports: message.reports.map((report) => ({
      status: report.status,
      networkCode: report.networkCode ?? null,
      failureReason: report.failureReason ?? null,
      receivedAt: report.receivedAt,
    })),
  };
}

/** The outbox, newest first, filtered as the URL says, with how many messages are in each state. */
export async function listMessages({ query }: { query: MessageListQuery }): Promise<MessageList> {
  const base: QueryFilter<SmsMessageDoc> = {};
  if (query.kind) base.kind = query.kind;
  if (query.artisan) base.artisan = new Types.ObjectId(query.artisan);
  const filter: QueryFilter<SmsMessageDoc> = query.status ? { ...base, status: query.status } : base;
  const [messages, total, byState] = await Promise.all([
    SmsMessage.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip((query.page - 1) * MESSAGE_PAGE_SIZE)
      .limit(MESSAGE_PAGE_SIZE)
      .lean(),
    SmsMessage.countDocuments(filter),
    SmsMessage.aggregate<{ _id: MessageState; count: number }>([
      { $match: base },
      { $group: { _id: '$status', count: { $sum: 1 } } },
    ]),
  ]);
  const counts = Object.fromEntries(MESSAGE_STATES.map((state) => [state, 0])) as Record<MessageState, number>;
  for (const group of byState) counts[group._id] = group.count;
  const recipient = query.artisan
    ? (messages[0] ??
      (await SmsMessage.findOne({ artisan: new Types.ObjectId(query.artisan) }, { recipientName: 1 }).lean()))
    : null;
  return {
    rows: messages.map(rowOf),
    counts,
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / MESSAGE_PAGE_SIZE)),
    recipientName: recipient?.recipientName ?? null,
  };
}
