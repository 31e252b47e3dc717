/**
 * Where a server's CPU went: reads a `.cpuprofile` that `node --cpu-prof` wrote (for instance
 * `IMPACT_PROFILE_DIR=/tmp/prof npm run bench:impact`) and prints the functions and files with the
 * most self time, and the functions with the most inclusive time (a sample counts once for every
 * distinct function on its stack, so recursion is not counted twice).
 *
 *   npx tsx test/bench/cpu-profile-summary.ts <file.cpuprofile> [top=25] [after=<function>]
 *
 * With `after`, only the samples taken after the last one with that function on its stack count
 * (e.g. `after=rebuildImpactWorkDays` leaves out the first request's rebuild of the aggregates).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topText, afterText] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx test/bench/cpu-profile-summary.ts <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topText ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const shortFile = (url: string) => {
  if (!url) return '(native)';
  const local = url.replace(/^file:\/\//, '');
  const modules = local.lastIndexOf('node_modules/');
  return modules >= 0 ? local.slice(modules + 'node_modules/'.length) : path.relative(process.cwd(), local);
};
const functionOf = (node: ProfileNode) =>
  `${node.callFrame.functionName || '(anonymous)'} ${shortFile(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const selfByFile = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
const add = (map: Map<string, number>, key: string, micros: number) => map.set(key, (map.get(key) ?? 0) + micros);

const stackNames = (sampleId: number) => {
  const names: string[] = [];
  for (let id: number | undefined = sampleId; id !== undefined; id = parentOf.get(id)) {
    names.push(byId.get(id)!.callFrame.functionName);
  }
  return names;
};
const after = afterText?.replace(/^after=/, '');
const firstCounted = after ? profile.samples.findLastIndex((id) => stackNames(id).includes(after)) + 1 : 0;

profile.samples.forEach((sampleId, index) => {
  if (index < firstCounted) return;
  const micros = profile.timeDeltas[index] ?? 0;
  total += micros;
  const leaf = byId.get(sampleId)!;
  add(self, functionOf(leaf), micros);
  add(selfByFile, shortFile(leaf.callFrame.url), micros);
  const seen = new Set<string>();
  for (let id: number | undefined = sampleId; id !== undefined; id = parentOf.get(id)) {
    const name = functionOf(byId.get(id)!);
    if (seen.has(name)) continue;
    seen.add(name);
    add(inclusive, name, micros);
  }
});

const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, micros] of [...map].sort((left, right) => right[1] - left[1]).slice(0, top)) {
    console.log(
      `${(micros / 1000).toFixed(0).padStart(8)} ms ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${name}`,
    );
  }
};

console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
print('self time by function', self);
print('self time by file', selfByFile);
print('inclusive time by function', inclusive);
