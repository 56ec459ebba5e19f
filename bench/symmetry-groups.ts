/**
 * An independent count for symmetry-reduced runs: the same Paxos.tla configuration
 * reduced by different symmetry groups (acceptors and values; acceptors alone; values
 * alone) explores different orbits with different orbit sizes, so agreeing unreduced
 * sums check the orbit-size arithmetic where a plain run cannot go (ballots {0..4},
 * 352,133,865 states). Not part of `npm run bench` (it exports no `run`); run it as
 *
 *   node bin/run-ts.mjs bench/symmetry-groups.ts <ballots> [all|acceptors|values ...]
 */
import { pathToFileURL } from 'node:url';
import { check } from '../src/api/check.ts';
import { paxosTlaSystem } from '../models/paxos/system.ts';

export type Group = 'all' | 'acceptors' | 'values';

export interface GroupCount {
  group: Group;
  orbits: number;
  unreduced: number;
  elapsedMs: number;
}

/** Explores Paxos.tla (3 acceptors, 2 values, ballots {0..ballots-1}) reduced by `group`. */
export async function countUnder(ballots: number, group: Group): Promise<GroupCount> {
  const system = paxosTlaSystem({ acceptors: 3, values: 2, ballots });
  const [acceptors, values] = system.symmetry ?? [];
  const symmetry = group === 'all' ? [acceptors, values] : group === 'acceptors' ? [acceptors] : [values];
  const { summary } = await check({ ...system, symmetry }, { symmetry: true });
  if (!summary.complete) throw new Error(`ballots ${ballots}, group ${group}: the search did not complete`);
  return { group, orbits: summary.states, unreduced: summary.statesUnreduced ?? summary.states, elapsedMs: summary.elapsedMs };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ballots = Number(process.argv[2] ?? 3);
  const groups = (process.argv.slice(3).length > 0 ? process.argv.slice(3) : ['all', 'acceptors', 'values']) as Group[];
  for (const group of groups) {
    const r = await countUnder(ballots, group);
    console.log(`ballots {0..${ballots - 1}}  group ${group.padEnd(9)}  orbits ${r.orbits.toLocaleString('en-US').padStart(12)}  unreduced ${r.unreduced.toLocaleString('en-US').padStart(13)}  ${(r.elapsedMs / 1000).toFixed(1)} s`);
  }
}
