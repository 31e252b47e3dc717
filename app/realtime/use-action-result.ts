import { useActionData, useLocation, useNavigation } from '@remix-run/react';
import { useRef } from 'react';

/**
 * The result of the page's last form submission, kept until the next submission or until the page
 * moves elsewhere. Remix clears action data on any revalidation that follows the submission's own
 * reload, and live pages revalidate whenever a push arrives: without this, a "Gathered 3 payouts,
 * review the run" message vanishes as soon as the event of that very gathering comes back.
 */
export function useActionResult<Action>() {
  const actionData = useActionData<Action>();
  const navigation = useNavigation();
  const location = useLocation();
  const place = `${location.pathname}${location.search}`;
  const kept = useRef<{ result: typeof actionData; place: string }>();
  if (actionData !== undefined) kept.current = { result: actionData, place };
  else if (navigation.state === 'submitting' || kept.current?.place !== place) kept.current = undefined;
  return kept.current?.result;
}
