import { z } from 'zod';

/** Hosts a development or test install may send plain-http webhooks to (a receiver on this machine). */
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * A channel's webhook URL: https, so the signed body and the order details it carries are not
 * sent in clear; plain http only to this machine, and only outside production.
 */
export function webhookUrlSchema({ allowLocalHttp }: { allowLocalHttp: boolean }) {
  return z
    .string()
    .trim()
    .max(500, 'must be at most 500 characters')
    .refine((value) => URL.canParse(value), 'must be a full URL, like https://shop.example/kiwanda-webhooks')
    .refine(
      (value) => {
        if (!URL.canParse(value)) return true;
        const url = new URL(value);
        if (url.protocol === 'https:') return true;
        return url.protocol === 'http:' && allowLocalHttp && LOCAL_HOSTS.includes(url.hostname);
      },
      `must start with https:// (http:// is allowed only for ${LOCAL_HOSTS.slice(0, 2).join(' or ')} outside production)`,
    )
    .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), {
      message: 'must not carry a user name or password: the signature proves who sends',
    });
}
