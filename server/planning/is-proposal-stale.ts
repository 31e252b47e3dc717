import { readDataVersion } from '../services/read-data-version';

/**
 * Whether a proposal was computed on data that has changed since: committing it would be
 * refused. Pages read it so the refusal can be shown before anyone presses Commit, and still
 * after live updates have reloaded the page.
 */
export async function isProposalStale({
  status,
  dataVersion,
}: {
  status: string;
  dataVersion: string;
}): Promise<boolean> {
  if (status !== 'proposal') return false;
  return (await readDataVersion()) !== dataVersion;
}
