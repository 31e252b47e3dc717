import { type SeedProgress } from '../../seed/seed-progress';

/**
 * Where a starting Kiwanda stands, from the moment it listens:
 * - `starting`: connecting the database and loading the app;
 * - `first-run`: the database holds no account, and a person chooses what to do;
 * - `loading-demo`: the demo network is being written (KIWANDA_DEMO=1, or chosen on first run);
 * - `ready`: every page is served;
 * - `failed`: loading the demo network failed (the message says why; the log has the rest).
 */
export type SetupState = 'starting' | 'first-run' | 'loading-demo' | 'ready' | 'failed';

export interface SetupSnapshot {
  state: SetupState;
  /** Progress of the demo load, while there is one. */
  progress: SeedProgress | null;
  error: string | null;
}

/** One process's setup state, changed only by the boot sequence and the first-run actions. */
export function createSetupStatus() {
  let snapshot: SetupSnapshot = { state: 'starting', progress: null, error: null };
  let resolveReady: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => (resolveReady = resolve));
  return {
    current: (): SetupSnapshot => snapshot,
    /** Settles the first time Kiwanda becomes ready. */
    whenReady,
    starting: () => (snapshot = { state: 'starting', progress: null, error: null }),
    firstRun: () => (snapshot = { state: 'first-run', progress: null, error: null }),
    loadingDemo: (progress: SeedProgress | null) => (snapshot = { state: 'loading-demo', progress, error: null }),
    ready: () => {
      snapshot = { state: 'ready', progress: null, error: null };
      resolveReady();
    },
    failed: (error: string) => (snapshot = { state: 'failed', progress: null, error }),
  };
}

export type SetupStatus = ReturnType<typeof createSetupStatus>;
