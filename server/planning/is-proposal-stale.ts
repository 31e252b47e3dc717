import { keepsReadState } from '../dashboard/read-model-cache';
import { readDataVersion } from '../services/read-data-version';

/**
 * Data versions already seen to be out of date. The version is a stamp of the newest change and
 * the counts of what planning reads, so once the data has moved on from a version it never comes
 * back to it: a proposal found stale stays stale, and the page need not read the version (eight
 * collections counted and sorted) again for it on every view.
 */
const STALE_VERSIONS_KEPT = 256;
const staleVersions = new Set<string>();
keepsReadState(() => staleVersions.clear());

function rememberStale(dataVersion: string): void {
  staleVersions.add(dataVersion);
  if (staleVersions.size > STALE_VERSIONS_KEPT) staleVersions.delete(staleVersions.values().next().value as string);
}

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
  if (staleVersions.has(dataVersion)) return true;
  const stale = (await readDataVersion()) !== dataVersion;
  if (stale) rememberStale(dataVersion);
  return stale;
}
