import { DECLINE_REASONS } from '#server/domain/decline-reasons';
import type { ArtisanJobCard } from '#server/services/jobs/read-artisan-jobs';

import { formatKes } from '../format';
import { PhoneActionForm, renderedActionId } from './phone-action-form';
import { type PhoneWords } from './phone-words';
import { QueuedMark, useQueuedKind } from './queued-mark';

const dueFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Africa/Nairobi',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

function JobFacts({ job, words }: { job: ArtisanJobCard; words: PhoneWords }) {
  return (
    <dl className="job-facts">
      <div>
        <dt>{words.due}</dt>
        <dd>{dueFormat.format(new Date(job.dueDate))}</dd>
      </div>
      <div>
        <dt>{words.pays}</dt>
        <dd>
          <strong>{formatKes(job.payCents)}</strong>
          <small>
            {' '}
            ({formatKes(job.pieceRateCents)} {words.perPiece})
          </small>
        </dd>
      </div>
      <div>
        <dt>{words.week}</dt>
        <dd>
          {job.week} · {words.hours(Math.round(job.labourMinutes / 60))}
        </dd>
      </div>
    </dl>
  );
}

type Team = { id: string; name: string }[] | null;

/** An offer to the workshop: what it is and pays, with accept and decline (with a reason). */
export function OfferCard({
  job,
  words,
  nonce,
  team,
  myId,
}: {
  job: ArtisanJobCard;
  words: PhoneWords;
  nonce: string;
  team: Team;
  myId: string;
}) {
  // Accepted or declined on this phone, not yet sent: the card says so instead of asking again.
  const answered = useQueuedKind(job.id, ['accept', 'decline']);
  return (
    <article className="job-card" data-testid="offer" data-job-id={job.id}>
      <h3>
        {job.quantity} × {job.productName}
      </h3>
      <QueuedMark jobId={job.id} words={words} />
      <JobFacts job={job} words={words} />
      {answered ? null : <OfferForms job={job} words={words} nonce={nonce} team={team} myId={myId} />}
    </article>
  );
}

function OfferForms({
  job,
  words,
  nonce,
  team,
  myId,
}: {
  job: ArtisanJobCard;
  words: PhoneWords;
  nonce: string;
  team: Team;
  myId: string;
}) {
  return (
    <>
      <PhoneActionForm kind="accept" jobId={job.id} actionId={renderedActionId(nonce, 'accept', job.id)}>
        {team ? (
          <label className="phone-field">
            {words.acceptFor}
            <select name="artisanId" defaultValue={myId}>
              {team.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.id === myId ? `${words.me} (${member.name})` : member.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit" className="phone-button" data-testid="accept">
          {words.accept}
        </button>
      </PhoneActionForm>
      <details className="decline">
        <summary className="phone-button phone-button--quiet">{words.decline}</summary>
        <PhoneActionForm kind="decline" jobId={job.id} actionId={renderedActionId(nonce, 'decline', job.id)}>
          <fieldset className="phone-choices">
            <legend>{words.declineWhy}</legend>
            {DECLINE_REASONS.map((reason, index) => (
              <label key={reason} className="phone-choice">
                <input type="radio" name="reason" value={reason} defaultChecked={index === 0} />
                {words.declineReasons[reason]}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="phone-button phone-button--bad" data-testid="decline">
            {words.decline}
          </button>
        </PhoneActionForm>
      </details>
    </>
  );
}

/** Work in hand: how far it is, report pieces made, mark it ready; a lead can give it to another. */
export function WorkCard({
  job,
  words,
  nonce,
  team,
}: {
  job: ArtisanJobCard;
  words: PhoneWords;
  nonce: string;
  team: Team;
}) {
  const inHand = job.status !== 'ready_for_qc';
  const readyQueued = useQueuedKind(job.id, ['ready']);
  return (
    <article className="job-card" data-testid="work" data-job-id={job.id} data-status={job.status}>
      <h3>
        {job.quantity} × {job.productName}
      </h3>
      <p className={`job-status job-status--${job.status}`} data-testid="work-status">
        {words.status[job.status] ?? job.status} · {words.madeOf(job.madeQuantity, job.awaiting)}
      </p>
      <QueuedMark jobId={job.id} words={words} />
      {job.status === 'failed' ? (
        <p className="phone-notice phone-notice--bad" data-testid="rework">
          {words.rework(job.awaiting)}
        </p>
      ) : null}
      {team && job.artisanName ? (
        <p className="muted">
          {words.madeBy}: {job.artisanName}
        </p>
      ) : null}
      <JobFacts job={job} words={words} />
      {inHand ? (
        <>
          <PhoneActionForm
            kind="progress"
            jobId={job.id}
            actionId={renderedActionId(nonce, 'progress', job.id)}
            className="phone-form phone-form--inline"
          >
            <label className="phone-field">
              {words.made}
              <input
                type="number"
                name="madeQuantity"
                min={0}
                max={job.awaiting}
                inputMode="numeric"
                defaultValue={job.madeQuantity}
                data-testid="made-quantity"
              />
            </label>
            <button type="submit" className="phone-button phone-button--quiet" data-testid="save-progress">
              {words.saveMade}
            </button>
          </PhoneActionForm>
          {readyQueued ? null : (
            <PhoneActionForm kind="ready" jobId={job.id} actionId={renderedActionId(nonce, 'ready', job.id)}>
              <button type="submit" className="phone-button" data-testid="mark-ready">
                {words.markReady}
              </button>
            </PhoneActionForm>
          )}
        </>
      ) : null}
      {team && job.status === 'accepted' ? (
        <PhoneActionForm
          kind="share"
          jobId={job.id}
          actionId={renderedActionId(nonce, 'share', job.id)}
          className="phone-form phone-form--inline"
        >
          <label className="phone-field">
            {words.giveTo}
            <select name="artisanId" defaultValue={job.artisanId ?? ''}>
              {team.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="phone-button phone-button--quiet">
            {words.give}
          </button>
        </PhoneActionForm>
      ) : null}
    </article>
  );
}
