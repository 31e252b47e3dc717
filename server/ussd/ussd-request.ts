import { z } from 'zod';

/**
 * The fields Africa's Talking posts, form-encoded, at each step of a USSD session. `text` is the
 * choices so far joined by `*`, empty on the session's first request (but always sent).
 */
export const UssdRequest = z.object({
  sessionId: z.string({ error: 'is required' }).trim().min(1, 'is required').max(100, 'is at most 100 characters'),
  serviceCode: z.string({ error: 'is required' }).trim().min(1, 'is required').max(40, 'is at most 40 characters'),
  phoneNumber: z.string({ error: 'is required' }).trim().min(1, 'is required').max(20, 'is at most 20 characters'),
  text: z
    .string({ error: 'is required (empty on the first request)' })
    .max(200, 'is at most 200 characters')
    .regex(/^[0-9*#+ ]*$/, 'holds only the digits, * and # a phone keypad sends'),
  networkCode: z.string().max(20, 'is at most 20 characters').optional(),
});

export type UssdRequest = z.output<typeof UssdRequest>;

/** The choices of a session's `text`: none on the first request. */
export function choicesOfText(text: string): string[] {
  return text === '' ? [] : text.split('*');
}
