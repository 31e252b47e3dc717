import mongoose, { type Model, type Schema } from 'mongoose';

/**
 * Compiles a model once per process. The server (run by tsx) and the Remix bundle both import
 * the models and share the one `mongoose` package, so the second import reuses the first model
 * instead of failing with OverwriteModelError.
 */
export function defineModel<Doc>(name: string, schema: Schema<Doc>): Model<Doc> {
  return (mongoose.models[name] as Model<Doc> | undefined) ?? mongoose.model<Doc>(name, schema);
}

/** Options every Kiwanda schema shares: unknown fields are an error, not silently dropped. */
export const STRICT_SCHEMA_OPTIONS = {
  strict: 'throw',
  strictQuery: 'throw',
  timestamps: true,
  versionKey: false,
} as const;
