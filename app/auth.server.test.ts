import { describe, expect, it } from 'vitest';

import { type SessionUser } from '#server/services/users/session-user';

import { getOptionalUser } from './auth.server';
import { type RequestArgs } from './load-context';

// The account read here is a counter that takes the cookie for the user's id: what is under test
// is only how often a request's loaders read it, not the session store (kept-session-users.test.ts).
async function cookieFor(userId: string): Promise<string> {
  return `__test=${userId}`;
}

function requestContext() {
  const reads: string[] = [];
  const context = {
    accounts: {
      readSignedInUser: async ({ cookieHeader }: { cookieHeader: string | null }) => {
        const userId = cookieHeader?.replace('__test=', '');
        if (!userId) return null;
        reads.push(userId);
        return { id: userId, name: `User ${userId}`, role: 'planner' } as unknown as SessionUser;
      },
    },
  };
  return { context, reads };
}

const argsOf = (context: object, cookie: string): RequestArgs =>
  ({
    request: new Request('http://kiwanda.test/', { headers: { Cookie: cookie } }),
    context,
  }) as unknown as RequestArgs;

describe('the signed-in user of a request', () => {
  it('is read once for all the loaders of one request', async () => {
    const { context, reads } = requestContext();
    const cookie = await cookieFor('u1');
    const users = await Promise.all([1, 2, 3].map(() => getOptionalUser(argsOf(context, cookie))));
    expect(users.map((user) => user?.id)).toEqual(['u1', 'u1', 'u1']);
    expect(reads).toEqual(['u1']);
  });

  it('is read again for another request, and for another cookie in the same one', async () => {
    const first = requestContext();
    const second = requestContext();
    const [one, two] = await Promise.all([cookieFor('u1'), cookieFor('u2')]);
    await getOptionalUser(argsOf(first.context, one));
    await getOptionalUser(argsOf(first.context, two));
    await getOptionalUser(argsOf(second.context, one));
    expect(first.reads).toEqual(['u1', 'u2']);
    expect(second.reads).toEqual(['u1']);
  });

  it('does not keep a failed read: the next loader of the request reads again', async () => {
    const { context, reads } = requestContext();
    let failures = 1;
    const readSignedInUser = context.accounts.readSignedInUser;
    context.accounts.readSignedInUser = async (input) => {
      if (failures-- > 0) throw new Error('the database is restarting');
      return readSignedInUser(input);
    };
    const cookie = await cookieFor('u3');
    await expect(getOptionalUser(argsOf(context, cookie))).rejects.toThrow('restarting');
    await expect(getOptionalUser(argsOf(context, cookie))).resolves.toMatchObject({ id: 'u3' });
    expect(reads).toEqual(['u3']);
  });

  it('is nobody without a session cookie, without reading an account', async () => {
    const { context, reads } = requestContext();
    expect(await getOptionalUser(argsOf(context, ''))).toBeNull();
    expect(reads).toEqual([]);
  });
});
