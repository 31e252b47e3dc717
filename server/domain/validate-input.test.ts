import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { ValidationError } from './errors';
import { validateField, validateInput } from './validate-input';

const issuesOf = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
};

describe('validating a service’s input', () => {
  it('names every bad field of an object by its path', () => {
    const Input = z.object({ name: z.string().min(1), lines: z.array(z.object({ quantity: z.number().min(1) })) });
    expect(issuesOf(() => validateInput(Input, { name: '', lines: [{ quantity: 0 }] }))).toEqual([
      { field: 'name', message: expect.any(String) },
      { field: 'lines.0.quantity', message: expect.any(String) },
    ]);
    expect(validateInput(Input, { name: 'Akinyi', lines: [] })).toEqual({ name: 'Akinyi', lines: [] });
  });

  it('names a single value by the field it came in, under which any nested path goes', () => {
    const Key = z.string().trim().min(8, 'must be at least 8 characters');
    expect(issuesOf(() => validateField('Idempotency-Key', Key, 'short'))).toEqual([
      { field: 'Idempotency-Key', message: 'must be at least 8 characters' },
    ]);
    expect(issuesOf(() => validateField('filter', z.object({ week: z.string() }), {}))).toEqual([
      { field: 'filter.week', message: expect.any(String) },
    ]);
    expect(validateField('Idempotency-Key', Key, '  order-0001 ')).toBe('order-0001');
  });
});
