/**
 * Repeated measurements: one run of a few seconds on this project's 2-core virtual machine
 * varies by 10–15% from the next (measured on 2026-12-01 with nothing else running), so
 * the benches that compare engines run each several times and keep the median run.
 */

/** How many times to run each compared measurement (BENCH_REPEAT, default 3). */
export const REPEAT = Math.max(1, Math.floor(Number(process.env.BENCH_REPEAT ?? 3)) || 1);

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
