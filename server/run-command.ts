/**
 * Runs a command-line entry point: its answer is the exit code; an error nobody expected is
 * printed whole and exits 1. The commands' own messages for known failures are theirs to print.
 */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
