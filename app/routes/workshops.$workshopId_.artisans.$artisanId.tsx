import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';

import { objectIdString } from '#server/domain/input-schemas';

import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import designStyles from '../components/design/design.css';
import { AbsencesPanel } from '../components/registry/absences-panel';
import { ArtisanForm } from '../components/registry/artisan-form';
import { MoveArtisanPanel } from '../components/registry/move-artisan-panel';
import registryStyles from '../components/registry/registry.css';
import { formatDay } from '../format';
import { useActionResult } from '../realtime/use-action-result';
import { requireRegistryActor, requireRegistryEditor } from '../registry.server';
import { answerDomainErrors, parseForm, parseParams, parseQuery, readForm, runAction } from '../route-input.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: designStyles },
  { rel: 'stylesheet', href: registryStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.artisan.name ?? 'Artisan'} · Kiwanda` },
];

const ArtisanParams = z.object({ workshopId: objectIdString, artisanId: objectIdString });

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireRegistryEditor(args);
  const { workshopId, artisanId } = parseParams(args.params, ArtisanParams);
  const { registry, accounts } = args.context;
  const actor = accounts.actorFromUser(user);
  const [artisan, absences, workshops] = await answerDomainErrors(() =>
    Promise.all([
      registry.readArtisanRecord({ workshopId, artisanId }),
      registry.listArtisanAbsences({ actor, artisanId }),
      registry.listWorkshopChoices(),
    ]),
  );
  const movedFrom = parseQuery(args.request, MovedQuery).movedFrom;
  return { artisan, absences, workshops, movedFrom };
}

/** After a move the page is the artisan's under their new workshop, saying where they came from. */
const MovedQuery = z.object({
  movedFrom: z
    .string()
    .regex(/^[A-Z]{3}-\d{3,4}$/)
    .optional()
    .catch(undefined),
});

/** One page, four forms: the artisan's own fields, moving them, declaring days away, cancelling them. */
export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireRegistryActor(args);
    const { workshopId, artisanId } = parseParams(args.params, ArtisanParams);
    const { registry } = args.context;
    await answerDomainErrors(() => registry.readArtisanRecord({ workshopId, artisanId }));
    const intent = (await readForm(args.request.clone())).get('intent');
    if (intent === 'save') {
      const input = await parseForm(args.request, registry.forms.ArtisanForm);
      await registry.updateArtisan({ actor, artisanId, ...input });
      return { done: 'saved' as const };
    }
    if (intent === 'move') {
      const form = await parseForm(args.request, registry.forms.MoveArtisanForm);
      const from = await registry.readWorkshopRecord({ workshopId });
      await registry.moveArtisan({ actor, artisanId, workshopId: form.workshopId });
      throw redirect(`/workshops/${form.workshopId}/artisans/${artisanId}?movedFrom=${encodeURIComponent(from.code)}`);
    }
    const form = await parseForm(args.request, registry.forms.AbsenceForm);
    if (form.intent === 'cancel') {
      await registry.cancelAbsence({ actor, absenceId: form.absenceId });
      return { done: 'cancelled' as const };
    }
    await registry.declareAbsence({ actor, artisanId, from: form.from, to: form.to, reason: form.reason });
    return { done: 'declared' as const };
  });
}

const DONE_WORDS = {
  saved: 'Saved. The workshop’s capacity follows the change.',
  declared: 'Days away recorded: they are out of the workshop’s capacity.',
  cancelled: 'Days away cancelled: the days still ahead are back in the workshop’s capacity.',
} as const;

export default function ArtisanPage() {
  const { artisan, absences, workshops, movedFrom } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  // Each form shows the fields it has; the refusal itself is said once, at the top.
  const failure = result?.ok === false ? result : undefined;
  const workshopPath = `/workshops/${artisan.workshop.id}`;
  return (
    <>
      <header className="page-header">
        <div>
          <p>
            <Link to={workshopPath}>
              ← {artisan.workshop.code} · {artisan.workshop.name}
            </Link>
          </p>
          <h1>
            {artisan.name}{' '}
            {artisan.status === 'active' ? null : <span className="badge badge--bad">{artisan.status}</span>}
          </h1>
          <p>
            In the network since {formatDay(artisan.joinedOn)} · {artisan.weeklyHours} hours a week · paid on{' '}
            {artisan.phone}
          </p>
        </div>
      </header>
      {movedFrom && !result ? (
        <p className="notice notice--good" role="status" data-testid="artisan-moved">
          {`Moved here from ${movedFrom}: their hours now count in ${artisan.workshop.code}’s capacity.`}
        </p>
      ) : null}
      {result?.ok === true ? (
        <p className="notice notice--good" role="status">
          {DONE_WORDS[result.done]}
        </p>
      ) : null}
      {failure ? (
        <p className="notice notice--bad" role="alert" data-testid="form-error">
          Not saved: {failure.error}
        </p>
      ) : null}

      <h2>Details</h2>
      <ArtisanForm
        artisan={artisan}
        workshopSkills={artisan.workshop.skills}
        cancelTo={workshopPath}
        fields={failure?.fields}
      />

      <MoveArtisanPanel
        name={artisan.name}
        skills={artisan.skills}
        currentWorkshopId={artisan.workshop.id}
        workshops={workshops}
        fields={failure?.fields}
      />

      <AbsencesPanel absences={absences} fields={failure?.fields} />
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/workshops" backLabel="Back to the workshops" />;
}
