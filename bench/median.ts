/**
 * Repeated measurements: one run of a few seconds on this project's 2-core virtual machine
 * varies by 10–15% from the next (measured on 2026-12-01 with nothing else running), so
 * the benches that compare engines run each several times and keep the median run.
 */

/** How many times to run each compared measurement (BENCH_REPEAT, default 5). */
export const REPEAT = Math.max(1, Math.floor(Number(process.env.BENCH_REPEAT ?? 5)) || 1);

/** The run of median wall time (of an even count, the faster middle one), with every run's time. */
export function medianRun<T extends { elapsedMs: number }>(runs: readonly T[]): T & { timesMs: number[] } {
  if (runs.length === 0) throw new Error('medianRun of no runs');
  const sorted = [...runs].sort((a, b) => a.elapsedMs - b.elapsedMs);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], timesMs: sorted.map((r) => r.elapsedMs) };
}

/** "11.2 / 11.3 / 11.9 s": every run's time, fastest first. */
export function runTimes(timesMs: readonly number[]): string {
  return `${timesMs.map((ms) => (ms / 1000).toFixed(1)).join(' / ')} s`;
}

/**
 * Speedups of `faster` over `slower` measured round by round (runs in turns: round k of
 * each), and their median. A slow spell of the machine falls on both runs of a round, so
 * the round's ratio moves less than the runs themselves do.
 */
export function pairedSpeedup(slower: readonly { elapsedMs: number }[], faster: readonly { elapsedMs: number }[]): { median: number; rounds: number[] } {
  if (slower.length === 0 || slower.length !== faster.length) throw new Error(`pairedSpeedup needs rounds in pairs, not ${slower.length} and ${faster.length} runs`);
  const rounds = slower.map((s, k) => s.elapsedMs / faster[k].elapsedMs);
  const sorted = [...rounds].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return { median: sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2, rounds };
}
