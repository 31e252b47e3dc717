import { formatNairobiTime } from '../format';
import { type PhoneWords } from './phone-words';
import { type Freshness } from './use-freshness';

/**
 * When the page's data was read, on every phone page: quiet when it came fresh, a notice when it
 * is the copy kept on the phone ("Saved at 5 Dec, 10:42 — updating…", or "Offline — showing what
 * was saved at …"). The server renders the quiet line, so a page opened from its copy says when
 * its data dates from even before its script runs.
 */
export function FreshnessMark({
  words,
  savedAt,
  freshness,
}: {
  words: PhoneWords;
  savedAt: string;
  freshness: Freshness;
}) {
  const time = formatNairobiTime(savedAt);
  if (freshness === 'fresh') {
    return (
      <p className="phone-freshness" data-testid="freshness" data-freshness="fresh">
        {words.queue.freshness.updated(time)}
      </p>
    );
  }
  return (
    <p className="phone-notice phone-notice--wait" role="status" data-testid="freshness" data-freshness={freshness}>
      {freshness === 'updating' ? words.queue.freshness.updating(time) : words.queue.freshness.saved(time)}
    </p>
  );
}
