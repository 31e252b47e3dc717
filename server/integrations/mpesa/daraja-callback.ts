import { z } from 'zod';

const resultCode = z.union([z.number(), z.string()]).transform(String);
const parameterValue = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();

/**
 * The body Daraja posts to a ResultURL (and, as integrators report, to a QueueTimeOutURL). Only
 * the fields Kiwanda reads are checked; anything else is kept in the stored callback.
 */
export const DarajaResultBody = z.object({
  Result: z.object({
    ResultType: z.union([z.number(), z.string()]).optional(),
    ResultCode: resultCode,
    ResultDesc: z.string().optional(),
    OriginatorConversationID: z.string().min(1).max(100),
    ConversationID: z.string().optional(),
    TransactionID: z.string().optional(),
    ResultParameters: z
      .object({
        ResultParameter: z
          .union([
            z.array(z.object({ Key: z.string(), Value: parameterValue })),
            z.object({ Key: z.string(), Value: parameterValue }),
          ])
          .optional(),
      })
      .optional()
      .nullable(),
  }),
});
export type DarajaResultBody = z.infer<typeof DarajaResultBody>;

/** The result's parameters as a plain map (Daraja sends one parameter as an object, not a list). */
export function resultParameters(body: DarajaResultBody): Record<string, string> {
  const raw = body.Result.ResultParameters?.ResultParameter;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return Object.fromEntries(list.map((parameter) => [parameter.Key, String(parameter.Value ?? '')]));
}
