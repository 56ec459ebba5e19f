/**
 * The sentence a lasso counterexample's trace header carries (docs/liveness.md), written
 * and read in this one place: it is how a trace file, once written, still says where its
 * cycle starts, so diagrams can draw the loop from the file alone.
 */

/** Where a lasso trace loops: the events after `startSeq`, up to `endSeq`, repeat forever (none when it stutters). */
export interface LassoLoop {
  property: string;
  startSeq: number;
  endSeq: number;
  /** Steps in the cycle; 0 when the last state stutters forever. */
  cycleSteps: number;
}

export function lassoNote(loop: LassoLoop): string {
  return loop.cycleSteps === 0
    ? `lasso for ${loop.property}: after event seq ${loop.startSeq} the last state repeats forever (stuttering: no fair step enabled)`
    : `lasso for ${loop.property}: loop after seq ${loop.startSeq}: events seq ${loop.startSeq + 1}..${loop.endSeq} (${loop.cycleSteps} steps) repeat forever`;
}

const CYCLE = /lasso for (.+?): loop after seq (\d+): events seq (\d+)\.\.(\d+) \((\d+) steps\) repeat forever/;
const STUTTER = /lasso for (.+?): after event seq (\d+) the last state repeats forever/;

/** The loop a header description announces, or null when it is not a lasso's. */
export function readLassoNote(description: string | undefined): LassoLoop | null {
  if (description === undefined) return null;
  const cycle = CYCLE.exec(description);
  if (cycle) return { property: cycle[1], startSeq: Number(cycle[2]), endSeq: Number(cycle[4]), cycleSteps: Number(cycle[5]) };
  const stutter = STUTTER.exec(description);
  if (stutter) return { property: stutter[1], startSeq: Number(stutter[2]), endSeq: Number(stutter[2]), cycleSteps: 0 };
  return null;
}
