import { spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { parseSeedFlags, SeedFlagError } from './seed-flags';

describe('npm run seed flags', () => {
  it('turns the flags into generator options', () => {
    expect(
      parseSeedFlags({ artisans: '600', weeks: '0', seed: 'north', 'reference-date': '2026-03-02', replace: true }),
    ).toEqual({
      options: { artisans: 600, weeks: 0, seed: 'north', referenceDate: new Date('2026-03-02T09:00:00Z') },
      replace: true,
    });
    expect(parseSeedFlags({})).toEqual({ options: {}, replace: false });
  });

  it.each([
    [{ artisans: 'many' }, /--artisans must be a whole number/],
    [{ artisans: '5' }, /--artisans must be a whole number from 12/],
    [{ weeks: '-1' }, /--weeks must be a whole number/],
    [{ seed: '  ' }, /--seed must not be empty/],
    [{ 'reference-date': '2026-02-31x' }, /--reference-date must be a date/],
    [{ 'reference-date': '2026-02-31' }, /--reference-date must be a date/],
  ])('refuses %o, naming the flag', (values, message) => {
    expect(() => parseSeedFlags(values)).toThrow(SeedFlagError);
    expect(() => parseSeedFlags(values)).toThrow(message);
  });

  it('exits 2 with the message and usage on a bad or unknown flag, before touching any database', () => {
    for (const args of [
      ['--artisans', 'lots'],
      ['--colour', 'red'],
    ]) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/seed/cli.ts', ...args], {
        encoding: 'utf8',
        // A database address nothing listens on: the command must stop before it would connect.
        env: { ...process.env, MONGODB_URI: 'mongodb://127.0.0.1:9/never' },
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^seed: .*(--artisans|colour)/m);
      expect(run.stderr).toContain('usage: npm run seed');
    }
  });
});
