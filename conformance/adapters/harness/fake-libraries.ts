/**
 * Tiny fake balancer libraries for the harness's own tests: one whose pick never returns
 * once a backend has been removed, one whose membership change throws, and a correct
 * round robin. They show that a hang and a crash each become a verdict on that library
 * and that the run goes on to the next one.
 */
import { RoundRobin } from '../../../src/impl/balancer/round-robin.ts';
import { NoBackendsError } from '../../../src/impl/balancer/types.ts';
import { Rejected, type Backend, type LibraryAdapter } from './library.ts';

const caps = { policy: 'round-robin' as const, membership: 'any' as const, weights: 'none' as const, zeroWeight: false, reweight: false, completions: false, empty: true };

/** The kit's own round robin, with hooks before each pick and each membership change. */
function roundRobin(backends: readonly Backend[], onChange: (kind: string) => void, onPick: (state: { removed: boolean }) => void) {
  const rr = new RoundRobin(backends);
  const state = { removed: false };
  return {
    pick() {
      onPick(state);
      try { return rr.pick(); } catch (err) { if (err instanceof NoBackendsError) throw new Rejected('no backend'); throw err; }
    },
    done() {},
    membership(list: readonly Backend[], change: { kind: string }) {
      onChange(change.kind);
      if (change.kind === 'remove' || change.kind === 'replace') state.removed = true;
      rr.setBackends(list);
    },
  };
}

export const adapters: LibraryAdapter[] = [
  {
    id: 'fake.hangs', library: 'fake', variant: 'hangs', version: () => '0', notes: 'pick loops forever once a backend was removed', capabilities: caps,
    create: (b) => roundRobin(b, () => {}, (s) => { if (s.removed) for (;;) { /* never returns */ } }),
  },
  {
    id: 'fake.throws', library: 'fake', variant: 'throws', version: () => '0', notes: 'a removal throws a TypeError', capabilities: caps,
    create: (b) => roundRobin(b, (kind) => { if (kind === 'remove') throw new TypeError("Cannot read properties of undefined (reading 'weight')"); }, () => {}),
  },
  {
    id: 'fake.correct', library: 'fake', variant: 'correct', version: () => '0', notes: 'a correct round robin', capabilities: caps,
    create: (b) => roundRobin(b, () => {}, () => {}),
  },
];
