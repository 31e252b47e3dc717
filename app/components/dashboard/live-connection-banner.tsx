import { useEffect, useState } from 'react';

import { useSocket } from '../../realtime/socket-context';

/**
 * A slim bar under the header while a live connection that was working is down: the page may be
 * out of date until it is back. Pages never connected (signed out, no JavaScript) show nothing
 * here; the header's indicator already says "live updates off".
 */
export function LiveConnectionBanner() {
  const { status } = useSocket();
  const [wasConnected, setWasConnected] = useState(false);
  useEffect(() => {
    if (status === 'connected') setWasConnected(true);
  }, [status]);

  if (!wasConnected || status === 'connected') return null;
  return (
    <div className="live-banner" role="status" data-testid="live-banner">
      <strong>Live updates are off.</strong> The connection to the server was lost, so this page may be out of date.{' '}
      {status === 'connecting' ? 'Reconnecting…' : 'Reload the page to try again.'}
    </div>
  );
}
