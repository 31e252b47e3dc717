/** A one-time password, shown once to the administrator who must hand it on (Kiwanda sends no e-mail). */
export function OneTimePasswordNotice({ lead, email, password }: { lead: string; email: string; password: string }) {
  return (
    <div className="notice notice--good" role="status" data-testid="one-time-password">
      <p>
        {lead} Give <strong>{email}</strong> this password in person or by phone; it is shown only now:
      </p>
      <p>
        <code className="one-time-password">{password}</code>
      </p>
      <p>It opens the account once: at sign-in they choose a password of their own.</p>
    </div>
  );
}
