import { useSocket, type LiveStatus } from '../realtime/socket-context';

const LABELS: Record<LiveStatus, string> = {
  offline: 'live updates off',
  connecting: 'connecting…',
  connected: 'connected',
};

/** Tells the person whether what they see is kept up to date by the server. */
export function LiveIndicator() {
  const { status } = useSocket();
  return (
    <span className={`live-indicator live-indicator--${status}`} data-testid="live-indicator" data-status={status}>
      <span className="live-indicator__dot" aria-hidden="true" />
      <span role="status" aria-live="polite">
        {LABELS[status]}
      </span>
    </span>
  );
}
