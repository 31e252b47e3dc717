import { nairobiDateString } from '../domain/weeks';
import { type DemoNetworkOptions } from './generate-demo-network';

export class SeedFlagError extends Error {
  override name = 'SeedFlagError';
}

function wholeNumber({ flag, value, min, max }: { flag: string; value: string; min: number; max: number }): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new SeedFlagError(`--${flag} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return number;
}

/** Turns the seed command's flags into generator options; a wrong value names its flag. */
export function parseSeedFlags(values: {
  artisans?: string;
  weeks?: string;
  seed?: string;
  'reference-date'?: string;
  replace?: boolean;
}): { options: Partial<DemoNetworkOptions>; replace: boolean } {
  const options: Partial<DemoNetworkOptions> = {};
  if (values.artisans !== undefined)
    options.artisans = wholeNumber({ flag: 'artisans', value: values.artisans, min: 12, max: 50_000 });
  if (values.weeks !== undefined) options.weeks = wholeNumber({ flag: 'weeks', value: values.weeks, min: 0, max: 260 });
  if (values.seed !== undefined) {
    if (values.seed.trim() === '') throw new SeedFlagError('--seed must not be empty');
    options.seed = values.seed;
  }
  const referenceDate = values['reference-date'];
  if (referenceDate !== undefined) {
    const parsed = new Date(`${referenceDate}T12:00:00+03:00`);
    // Round-tripping through the Nairobi calendar refuses dates that do not exist (2026-02-31).
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate) ||
      Number.isNaN(parsed.getTime()) ||
      nairobiDateString(parsed) !== referenceDate
    ) {
      throw new SeedFlagError(`--reference-date must be a date like 2026-03-02, got ${JSON.stringify(referenceDate)}`);
    }
    options.referenceDate = parsed;
  }
  return { options, replace: values.replace ?? false };
}
