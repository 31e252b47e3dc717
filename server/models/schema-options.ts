/** Options every Kiwanda schema shares: unknown fields are an error, not silently dropped. */
export const STRICT_SCHEMA_OPTIONS = {
  strict: 'throw',
  strictQuery: 'throw',
  timestamps: true,
  versionKey: false,
} as const;
