/**
 * Loading the full demo network (2,400 artisans, a year of history) as `npm run seed` does it on
 * a fresh install: a separate process that starts the embedded database under a new DATA_DIR
 * and writes the network to it over a real socket. Each run starts from an empty folder.
 *
 * Run with `npm run bench:seed` (RUNS=3 by default). Target: ≤ 15 s on an idle 2-core machine.
 * The child's own CPU time is printed beside the wall time: on a busy machine it is the figure
 * that says what the load costs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env.RUNS ?? 3);
const TARGET_MS = 15_000;

interface SeedRun {
  wallMs: number;
  cpuSeconds: number;
  generateMs: number;
  writeMs: number;
}

function runSeed(): Promise<SeedRun> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiwanda-seed-bench-'));
  const started = performance.now();
  return new Promise<SeedRun>((resolve, reject) => {
    // The same command as `npm run seed`, without npm's own start-up in the measurement.
    const child = spawn(process.execPath, [...process.execArgv, 'server/seed/cli.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      rmSync(dataDir, { recursive: true, force: true });
      const match = /generate (\d+) ms, write (\d+) ms; process CPU ([\d.]+) s/.exec(output);
      if (code !== 0 || !match) return reject(new Error(`seed exited with ${code}:\n${output}`));
      resolve({ wallMs, generateMs: Number(match[1]), writeMs: Number(match[2]), cpuSeconds: Number(match[3]) });
    });
  });
}

const median = (values: number[]) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)];

async function main() {
  const runs: SeedRun[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await runSeed();
    runs.push(result);
    console.log(
      `run ${run + 1}: ${(result.wallMs / 1000).toFixed(1)} s (generate ${(result.generateMs / 1000).toFixed(1)} s, write ${(result.writeMs / 1000).toFixed(1)} s; CPU ${result.cpuSeconds.toFixed(1)} s)`,
    );
  }
  const wall = runs.map((run) => run.wallMs);
  const verdict = median(wall) <= TARGET_MS ? 'within' : 'OVER';
  console.log(
    `demo network load, median of ${RUNS}: ${(median(wall) / 1000).toFixed(1)} s (min ${(Math.min(...wall) / 1000).toFixed(1)}, max ${(Math.max(...wall) / 1000).toFixed(1)}), CPU ${median(runs.map((run) => run.cpuSeconds)).toFixed(1)} s: ${verdict} the ${TARGET_MS / 1000} s target`,
  );
}

await main();
