import { readFile } from 'node:fs/promises';

import { planJobs, ProblemValidationError } from './index';

// `npm run --silent plan -- problem.json` (or the problem on stdin) prints the plan JSON on
// stdout and nothing else. Invalid input exits 2 with a message on stderr; `--progress` reports
// progress on stderr.

const USAGE = 'usage: npm run --silent plan -- [--progress] [problem.json | -]   (reads stdin when no file is given)';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function runPlanCommand(args: string[]): Promise<number> {
  const progress = args.includes('--progress');
  const files = args.filter((arg) => arg !== '--progress');
  if (files.length > 1 || files.some((arg) => arg.startsWith('-') && arg !== '-')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const source = files[0] ?? '-';
  if (source === '-' && process.stdin.isTTY) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = source === '-' ? await readStdin() : await readFile(source, 'utf8');
  } catch (error) {
    process.stderr.write(`plan: cannot read ${source}: ${(error as Error).message}\n`);
    return 2;
  }
  let problem: unknown;
  try {
    problem = JSON.parse(text);
  } catch (error) {
    process.stderr.write(`plan: ${source === '-' ? 'stdin' : source} is not valid JSON: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    const plan = await planJobs(problem as Parameters<typeof planJobs>[0], {
      onProgress: progress
        ? (p) => process.stderr.write(`${p.phase} ${Math.round(p.fraction * 100)}% ${p.elapsedMs} ms ${p.message}\n`)
        : undefined,
    });
    process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ProblemValidationError) {
      process.stderr.write(`plan: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`plan: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

process.exitCode = await runPlanCommand(process.argv.slice(2));
