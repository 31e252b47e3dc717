import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';

import { DEFECT_REASONS } from '#server/domain/defect-reasons';

import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { formatNairobiTime } from '../format';
import { readInspectionUpload } from '../phone/inspection-form.server';
import { PhoneActionForm, renderedActionId } from '../phone/phone-action-form';
import { phoneLinks, phoneMeta } from '../phone/phone-links';
import { InspectionParams } from '../phone/phone-schemas.server';
import { PhoneShell, phoneNotice } from '../phone/phone-shell';
import { answerPhoneAction, chooseLanguageAction, newFormNonce, requirePhoneUser } from '../phone/phone-user.server';
import { PHONE_WORDS } from '../phone/phone-words';
import { UnlessQueued } from '../phone/queued-mark';
import { shrinkPhotoInput } from '../phone/shrink-photo';
import { answerDomainErrors, parseParams, readForm } from '../route-input.server';

export const links: LinksFunction = phoneLinks;

export const meta: MetaFunction = () => phoneMeta('Inspect');

export async function loader(args: LoaderFunctionArgs) {
  const { jobId } = parseParams(args.params, InspectionParams);
  const { actor, language, page } = await requirePhoneUser(args, 'inspections');
  const [visit, photos] = await answerDomainErrors(() =>
    Promise.all([
      args.context.phone.readInspectionVisit({ actor, jobId }),
      args.context.phone.listJobInspectionPhotos({ actor, jobId }),
    ]),
  );
  return { visit, photos, language, page, nonce: newFormNonce() };
}

/** Records the inspection once per action id, with its defects and the photo the phone shrank. */
export async function action(args: ActionFunctionArgs) {
  const { jobId } = parseParams(args.params, InspectionParams);
  const form = await readForm(args.request.clone());
  if (form.get('intent') === 'language') return chooseLanguageAction(args);
  const { actor } = await requirePhoneUser(args, 'inspections');
  const { photo, defects } = await readInspectionUpload(form);
  const result = await answerPhoneAction(args, { actor, photo, extra: { jobId, kind: 'inspection', defects } });
  // Done: back to the day's list, which now goes without this job.
  if ('ok' in result && result.ok) throw redirect(`/inspections?saved=${jobId}`);
  return result;
}

export default function InspectJobPage() {
  const { visit, photos, language, page, nonce } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const words = PHONE_WORDS[language];
  const fields = result && 'fields' in result ? result.fields : {};
  const fieldError = (name: string) =>
    fields[name] ? <span className="phone-notice phone-notice--bad">{fields[name]}</span> : null;

  return (
    <PhoneShell page={page} words={words} language={language} tabs={[]} notice={phoneNotice(words, result)}>
      <p>
        <Link to="/inspections">← {words.inspect.back}</Link>
      </p>
      <h2>
        {visit.workshop.code} · {visit.workshop.name}
      </h2>
      <p>
        {words.inspect.toInspect(visit.awaiting)}: {visit.productName}
        {visit.artisanName ? ` · ${visit.artisanName}` : ''}
      </p>
      {visit.status !== 'ready_for_qc' ? (
        <p className="phone-notice phone-notice--bad">{words.inspect.notReady}</p>
      ) : (
        <UnlessQueued jobId={visit.jobId} kinds={['inspection']} words={words}>
          <PhoneActionForm
            kind="inspection"
            jobId={visit.jobId}
            actionId={renderedActionId(nonce, 'inspection', visit.jobId)}
            encType="multipart/form-data"
            testId="inspection-form"
          >
            <label className="phone-field">
              {words.inspect.passed}
              <input
                type="number"
                name="passedQuantity"
                min={0}
                max={visit.awaiting}
                defaultValue={visit.awaiting}
                inputMode="numeric"
                required
              />
              {fieldError('passedQuantity')}
            </label>
            <label className="phone-field">
              {words.inspect.failed}
              <input
                type="number"
                name="failedQuantity"
                min={0}
                max={visit.awaiting}
                defaultValue={0}
                inputMode="numeric"
                required
              />
              {fieldError('failedQuantity')}
            </label>
            <fieldset className="phone-choices">
              <legend>{words.inspect.defects}</legend>
              {DEFECT_REASONS.map((reason) => (
                <label key={reason} className="phone-field phone-form--inline">
                  {words.defectReasons[reason]}
                  <input
                    type="number"
                    name={`defect-${reason}`}
                    min={0}
                    defaultValue={0}
                    inputMode="numeric"
                    style={{ width: '5rem' }}
                  />
                </label>
              ))}
              {fieldError('defects')}
            </fieldset>
            <label className="phone-field">
              {words.inspect.note}
              <textarea name="notes" rows={3} maxLength={1000} />
            </label>
            <label className="phone-field">
              {words.inspect.photo}
              <input
                type="file"
                name="photo"
                accept="image/*"
                capture="environment"
                onChange={(event) => void shrinkPhotoInput(event.currentTarget)}
              />
              {fieldError('photo')}
            </label>
            <button type="submit" className="phone-button" data-testid="save-inspection">
              {words.inspect.save}
            </button>
          </PhoneActionForm>
        </UnlessQueued>
      )}
      {photos.length > 0 ? (
        <section aria-labelledby="photos-heading" data-testid="inspection-photos">
          <h2 id="photos-heading">{words.inspect.photos}</h2>
          <ul className="phone-photos">
            {photos.map((photo) => (
              <li key={photo.inspectionId}>
                <a href={`/inspections/${visit.jobId}/photos/${photo.inspectionId}`}>
                  <img
                    src={`/inspections/${visit.jobId}/photos/${photo.inspectionId}`}
                    alt={words.inspect.photoOf(formatNairobiTime(photo.inspectedAt))}
                    loading="lazy"
                  />
                </a>
                <span className="muted">
                  {formatNairobiTime(photo.inspectedAt)} · {words.inspect.passed} {photo.passedQuantity} ·{' '}
                  {words.inspect.failed} {photo.failedQuantity}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </PhoneShell>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/inspections" backLabel="Back to inspections" />;
}
