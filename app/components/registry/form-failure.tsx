/** What a refused registry form says at its top: where to look when fields are marked, else the refusal itself. */
export function FormFailure({ error, fields }: { error?: string; fields?: Record<string, string> }) {
  if (!error) return null;
  return (
    <p className="notice notice--bad design-form__wide" role="alert" data-testid="form-error">
      {fields && Object.keys(fields).length > 0 ? 'Not saved: check the fields marked below.' : error}
    </p>
  );
}
