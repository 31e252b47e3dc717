/**
 * The message a refused form gave for a field, looked up under each name it may carry (a price is
 * typed in KES as `pieceRateKes`; the service checks it in cents as `pieceRateCents`).
 */
export function fieldErrorOf(fields: Record<string, string> | undefined, ...names: string[]): string | undefined {
  if (!fields) return undefined;
  for (const name of names) if (fields[name]) return fields[name];
  return undefined;
}

export function FieldError({ message, id }: { message: string | undefined; id?: string }) {
  return message ? (
    <span className="field-error" id={id} role="alert">
      {message}
    </span>
  ) : null;
}
