import { useEffect, useState } from 'react';

/**
 * A new key or secret, shown the only time it exists in clear: a read-only field (select it and
 * copy without JavaScript) and, once the page is live, a button that copies it.
 */
export function ShownOnce({ title, value, note }: { title: string; value: string; note: string }) {
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCanCopy(typeof navigator !== 'undefined' && Boolean(navigator.clipboard)), []);
  return (
    <div className="notice notice--good" role="status" data-testid="shown-once">
      <strong>{title}</strong>
      <div className="shown-once">
        <input
          readOnly
          value={value}
          aria-label={title}
          onFocus={(event) => event.currentTarget.select()}
          data-testid="shown-once-value"
        />
        {canCopy ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => void navigator.clipboard.writeText(value).then(() => setCopied(true))}
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
        ) : null}
      </div>
      <p className="muted">{note}</p>
    </div>
  );
}
