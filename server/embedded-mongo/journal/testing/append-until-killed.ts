/**
 * Child process for the kill -9 test: appends records forever and prints each sequence number
 * only after `append` returned, so every printed number is an acknowledged write.
 * Usage: node --import tsx append-until-killed.ts <journal dir>
 */
import { Journal } from '../index';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: append-until-killed.ts <journal dir>\n');
  process.exit(2);
}

const { journal } = await Journal.open({ dir });
let seq = 0;
const payload = 'x'.repeat(200);
function appendBatch(): void {
  const acked: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    seq += 1;
    journal.append({ seq, payload });
    acked.push(seq);
  }
  process.stdout.write(`${acked.join('\n')}\n`);
  setImmediate(appendBatch);
}
process.stdout.write('started\n');
appendBatch();
