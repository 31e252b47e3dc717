/** A labelled progress bar; `fraction` is clamped to 0–1. */
export function ProgressBar({ fraction, label }: { fraction: number; label: string }) {
  const clamped = Math.min(1, Math.max(0, fraction));
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(clamped * 100)}
    >
      <div className="progress__fill" style={{ width: `${clamped * 100}%` }} />
      <span className="progress__label">
        {label} · {Math.round(clamped * 100)}%
      </span>
    </div>
  );
}
