/**
 * The explorer and the trace checkers must agree: a counterexample the explorer finds for
 * a mutant, written as a trace, fails the same property in the checkers; and traces of
 * the correct models (explored paths and random walks) pass every Paxos checker,
 * refinement included. "Chosen" is compared directly: the checkers' chosen values after a
 * path are the explorer's chosen values in the state the path ends in.
 */
import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { ComposedSystem } from '../../../src/explore/compose.ts';
import { counterexample } from '../../../src/explore/counterexample.ts';
import { search, type SearchResult } from '../../../src/explore/search.ts';
import type { SystemSpec } from '../../../src/explore/spec.ts';
import { StateStore } from '../../../src/explore/state-store.ts';
import { paxosMutants, type PaxosMutant } from '../../../models/paxos/mutants.ts';
import { chosenValues } from '../../../models/paxos/properties.ts';
import { paxosMessageSystem, paxosTlaSystem, type PaxosMessageConfig } from '../../../models/paxos/system.ts';
import type { TraceEvent } from '../../schema/trace.ts';
import type { TraceReport } from '../run.ts';
import { failing, verifyRun } from '../test-support.ts';

const messageConfig: PaxosMessageConfig = {
  acceptors: 3, proposers: 2, learners: 1, rounds: 1,
  network: { loss: 0, duplicate: 0 }, faults: { crashes: 0, restarts: 0, partitions: 0 },
};

const tlaSpec = (m: PaxosMutant) => paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2, machines: { [m.role]: m.machine } });
const messageSpec = (m: PaxosMutant) => paxosMessageSystem({ ...messageConfig, machines: { [m.role]: m.machine } });

/**
 * Each mutant in the system that exposes it (Phase2a offers exist only in the Paxos.tla
 * system; a proposer ignoring promises only in message passing), and the acceptor mutant
 * in both.
 */
const mutantCases: [string, PaxosMutant, () => SystemSpec][] = [
  ...paxosMutants.map((m): [string, PaxosMutant, () => SystemSpec] =>
    m.name === 'phase2a-any-value' ? [`${m.name} (paxos.tla)`, m, () => tlaSpec(m)] : [`${m.name} (message passing)`, m, () => messageSpec(m)]),
  ...paxosMutants.filter((m) => m.role === 'acceptor').map((m): [string, PaxosMutant, () => SystemSpec] => [`${m.name} (paxos.tla)`, m, () => tlaSpec(m)]),
];

/** What each mutant breaks besides agreement (and refinement), as the checkers name it. */
const mutantCauses: Record<string, string[]> = {
  'phase2a-any-value': ['paxos.accept-after-quorum', 'paxos.accept-value'],
  'proposer-ignores-accepted': ['paxos.accept-value'],
  'acceptor-accepts-below-promise': ['paxos.accept-respects-promise', 'paxos.promise-monotonic'],
};

interface Explored { system: ComposedSystem; result: SearchResult; quorums: string[][] }

const cache = new Map<string, Explored>();
/** Explores once per system (breadth-first, stopping at the first violation, as `check` does). */
function explore(key: string, spec: () => SystemSpec): Explored {
  let hit = cache.get(key);
  if (!hit) {
    const system = new ComposedSystem(spec());
    const header = system.spec.traceHeader();
    const quorums = header.protocol === 'paxos' ? header.config.quorums ?? [] : [];
    cache.set(key, (hit = { system, result: search(system, { strategy: 'bfs' }), quorums }));
  }
  return hit;
}

const correctSystems: [string, () => SystemSpec][] = [
  ['paxos.tla ballots {0,1}', () => paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2 })],
  ['message passing', () => paxosMessageSystem(messageConfig)],
];

/** The checkers' report on the path from the initial state to `path`'s last state. */
async function checkPath(system: ComposedSystem, store: StateStore, path: number[], edit = (e: TraceEvent[]) => e): Promise<TraceReport> {
  const cx = counterexample(system, store, path);
  const events = edit(cx.events);
  // The initial state has no events, and verify refuses an event-less trace (nothing would
  // be checked): nothing is chosen there and no property can fail.
  if (events.length === 0) return { file: 'memory.jsonl', protocol: 'paxos', events: 0, verdicts: [] };
  return verifyRun({ header: cx.header, events });
}

/** The explorer's chosen values in the state a path ends in. */
function explorerChosen(x: Explored, store: StateStore, path: number[]): string[] {
  return [...chosenValues(x.system.view(store.read(path.at(-1)!)), x.quorums)].map(String).sort();
}

/** The chosen values the agreement checker reports. */
function checkerChosen(report: TraceReport): string[] {
  if (report.events === 0) return [];
  const chosen = report.verdicts.find((v) => v.property === 'paxos.agreement')!.figures.chosen;
  return typeof chosen === 'string' ? chosen.split(',').sort() : [];
}

/** A random walk from the initial state, each step picking a successor by `choices`. */
function randomWalk(system: ComposedSystem, choices: number[]): { store: StateStore; path: number[] } {
  const store = new StateStore(system.width);
  let at = store.push(system.initial(), -1, 0, 0);
  const path = [at];
  for (const choice of choices) {
    const next: { action: number; vector: Uint32Array }[] = [];
    system.successors(store.read(at), (action, vector) => next.push({ action, vector: vector.slice() }));
    if (next.length === 0) break;
    const pick = next[choice % next.length];
    at = store.push(pick.vector, at, pick.action, path.length);
    path.push(at);
  }
  return { store, path };
}

/** Successor choices for a walk of `length` steps (unbiased: small numbers would favour the first successors). */
const walks = (length: number) => fc.noBias(fc.array(fc.nat(1 << 16), { minLength: length, maxLength: length }));

describe('explorer counterexamples of the Paxos mutants fail the trace checkers', () => {
  for (const [name, mutant, spec] of mutantCases) {
    describe(name, () => {
      const explored = () => explore(`mutant ${name}`, spec);

      it('its agreement counterexample fails paxos.agreement at the step that chooses a second value', async () => {
        const x = explored();
        const violation = x.result.properties.find((p) => p.name === 'agreement')!;
        expect(violation.status).toBe('violated');
        const cx = counterexample(x.system, x.result.store, violation.path!);
        const report = await verifyRun(cx);
        const failed = failing(report);
        expect(failed).toContain('paxos.agreement');
        expect(failed).toContain('paxos.refinement');
        expect(failed.some((p) => mutantCauses[mutant.name].includes(p))).toBe(true);
        expect(failed.filter((p) => p !== 'paxos.agreement' && p !== 'paxos.refinement' && !mutantCauses[mutant.name].includes(p))).toEqual([]);

        const agreement = report.verdicts.find((v) => v.property === 'paxos.agreement')!;
        // A shortest counterexample ends with the acceptance that completes the second quorum.
        const lastAccepted = cx.events.map((e) => e.kind === 'send' && e.msg.type === 'accepted').lastIndexOf(true);
        expect(agreement.violations[0].line).toBe(lastAccepted + 2);
        expect(checkerChosen(report)).toEqual(explorerChosen(x, x.result.store, violation.path!));
        expect(checkerChosen(report)).toHaveLength(2);
      });

      it('on paths to explored states, agreement fails exactly when the explorer sees two chosen values', async () => {
        const x = explored();
        const { store } = x.result;
        await fc.assert(fc.asyncProperty(fc.nat(store.size - 1), async (i) => {
          const path = store.pathTo(i);
          const report = await checkPath(x.system, store, path);
          const chosen = explorerChosen(x, store, path);
          expect(checkerChosen(report)).toEqual(chosen);
          expect(failing(report).includes('paxos.agreement')).toBe(chosen.length > 1);
        }), { numRuns: 40 });
      });

      it('on random walks, agreement fails exactly when the explorer sees two chosen values', async () => {
        const x = explored();
        let disagreeing = 0;
        await fc.assert(fc.asyncProperty(walks(24), async (choices) => {
          const { store, path } = randomWalk(x.system, choices);
          const report = await checkPath(x.system, store, path);
          const chosen = explorerChosen(x, store, path);
          if (chosen.length > 1) disagreeing++;
          expect(checkerChosen(report)).toEqual(chosen);
          expect(failing(report).includes('paxos.agreement')).toBe(chosen.length > 1);
        }), { numRuns: 60 });
        // About one walk in five chooses two values; both sides of the equivalence were tried.
        expect(disagreeing).toBeGreaterThan(0);
        expect(disagreeing).toBeLessThan(60);
      });
    });
  }
});

describe('traces of the correct Paxos models pass every Paxos checker', () => {
  for (const [name, spec] of correctSystems) {
    describe(name, () => {
      const explored = () => explore(name, spec);

      it("the witness of 'some-value-chosen' passes, and the checkers see the value chosen", async () => {
        const x = explored();
        const witness = x.result.properties.find((p) => p.name === 'some-value-chosen')!;
        expect(witness.status).toBe('reached');
        const report = await checkPath(x.system, x.result.store, witness.path!);
        expect(failing(report)).toEqual([]);
        expect(report.verdicts.find((v) => v.property === 'paxos.refinement')!.status).toBe('pass');
        expect(checkerChosen(report)).toEqual(explorerChosen(x, x.result.store, witness.path!));
        expect(checkerChosen(report)).toHaveLength(1);
      });

      it('paths to a sample of explored states pass', async () => {
        const x = explored();
        const { store } = x.result;
        expect(x.result.complete).toBe(true);
        await fc.assert(fc.asyncProperty(fc.nat(store.size - 1), async (i) => {
          const path = store.pathTo(i);
          const report = await checkPath(x.system, store, path);
          expect(failing(report)).toEqual([]);
          expect(checkerChosen(report)).toEqual(explorerChosen(x, store, path));
        }), { numRuns: 60 });
      });

      it('random walks pass, however long they loop', async () => {
        const x = explored();
        await fc.assert(fc.asyncProperty(walks(40), async (choices) => {
          const { store, path } = randomWalk(x.system, choices);
          const report = await checkPath(x.system, store, path);
          expect(failing(report)).toEqual([]);
          expect(checkerChosen(report)).toEqual(explorerChosen(x, store, path));
        }), { numRuns: 40 });
      });

      it('still pass with propose events: each proposer proposing the value it then sends', async () => {
        const x = explored();
        await fc.assert(fc.asyncProperty(walks(30), async (choices) => {
          const { store, path } = randomWalk(x.system, choices);
          const report = await checkPath(x.system, store, path, withProposals);
          expect(failing(report)).toEqual([]);
        }), { numRuns: 25 });
      });
    });
  }

  it('random walks with message loss, duplication and a crash pass', async () => {
    const system = new ComposedSystem(paxosMessageSystem({ ...messageConfig, network: { loss: 1, duplicate: 1 }, faults: { crashes: 1, restarts: 0, partitions: 0 } }));
    const kinds = new Set<string>();
    await fc.assert(fc.asyncProperty(walks(40), async (choices) => {
      const { store, path } = randomWalk(system, choices);
      const cx = counterexample(system, store, path);
      for (const e of cx.events) kinds.add(e.kind);
      expect(failing(await verifyRun(cx))).toEqual([]);
    }), { numRuns: 40 });
    // The walks did reach the fault events the checkers must tolerate.
    for (const k of ['drop', 'duplicate', 'crash']) expect(kinds).toContain(k);
  });
});

/** Adds a `propose` event before each proposer's first accept of a ballot, for the value it sends (as a trace of Paxos.tla's Phase2a offers would). */
function withProposals(events: TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  const proposed = new Set<string>();
  for (const e of events) {
    if (e.kind === 'send' && e.msg.type === 'accept' && !proposed.has(`${e.node} ${e.msg.ballot}`)) {
      proposed.add(`${e.node} ${e.msg.ballot}`);
      out.push({ seq: 0, node: e.node, kind: 'propose', value: e.msg.value });
    }
    out.push(e);
  }
  return out.map((e, i) => ({ ...e, seq: i + 1 }));
}
