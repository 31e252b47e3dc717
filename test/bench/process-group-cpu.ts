import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks of 10 ms (USER_HZ is 100 on every mainstream architecture). */
const MICROSECONDS_PER_TICK = 10_000;

/**
 * CPU time (user + system, µs) used so far by the live processes of a process group, read from /proc: the
 * embedded server runs as `npm` → `node`, so its group, not one pid, is what a benchmark must charge. Only
 * what live members have used counts; the benchmark reads it before and after a measure, while all of them
 * run. Undefined where /proc is not there.
 */
export function processGroupCpuMicros(groupId: number): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  let ticks = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After the parenthesised command name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === groupId) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while we were looking.
    }
  }
  return ticks * MICROSECONDS_PER_TICK;
}
