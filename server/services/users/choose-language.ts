import { Types } from 'mongoose';
import { z } from 'zod';

import { NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { LANGUAGES, type Language } from '../../domain/languages';
import { validateInput } from '../../domain/validate-input';
import { User } from '../../models/user';
import { runInTransaction } from '../run-in-transaction';

const ChooseLanguageInput = z.object({ userId: objectIdString, language: z.enum(LANGUAGES) });

/** Keeps the language a person chose for their pages, so every phone they sign in on speaks it. */
export async function chooseLanguage(input: { userId: string; language: unknown }): Promise<Language> {
  const { userId, language } = validateInput(ChooseLanguageInput, input);
  await runInTransaction(async (unit) => {
    const updated = await User.updateOne(
      { _id: new Types.ObjectId(userId) },
      { $set: { language } },
      { session: unit.session },
    );
    if (updated.matchedCount === 0) throw new NotFoundError('user', userId);
    // The servers keep a signed-in account for a few seconds: the next page must speak the new language.
    unit.publishAfterCommit('account:changed', { userId });
  });
  return language;
}
