/**
 * The protocol families, one row each: the machines `diagram` draws, the systems `check`
 * and `explore` search (with their command-line options and the configurations `all`
 * checks), the trace checkers `verify` runs, the drive binding, the mutants `all` must
 * catch, and the bundled traces. The CLI (`check`, `explore`, `diagram`, `drive`, `run`,
 * `all`) reads this table and nothing else to learn which families exist.
 *
 * Why here, at the top floor (STYLE.md, "Floors"): a row names parts from every floor —
 * models (1), checkers (2), implementation mutants (3), drive bindings (4) and the
 * command-line options of its systems (5) — so only the top may import them all. Two
 * lookups by protocol name stay below it because they run below the CLI: the checker
 * registry (conformance/checkers/registry.ts: the driver, the adapters and the public API
 * judge traces too) and the drive bindings (src/drive/bindings.ts: a node process picks
 * its implementation there). families.test.ts pins that both agree with this table.
 */
import type { Protocol } from '../conformance/schema/trace.ts';
import type { TraceLine } from '../conformance/schema/writer.ts';
import type { CheckerFactory } from '../conformance/checkers/types.ts';
import { paxosCheckers } from '../conformance/checkers/paxos/index.ts';
import { clusterCheckers } from '../conformance/checkers/cluster/index.ts';
import { balancerCheckers } from '../conformance/checkers/balancer/index.ts';
import type { RegisteredMachine } from '../models/registered-machine.ts';
import { paxosMachines } from '../models/paxos/registry.ts';
import { paxosMutants } from '../models/paxos/mutants.ts';
import { clusterMachines } from '../models/cluster/registry.ts';
import { clusterMutants, sessionMutants } from '../models/cluster/mutants.ts';
import { balancerMachines } from '../models/balancer/registry.ts';
import { mutants as balancerMutants } from './impl/balancer/mutants.ts';
import { mutantTrace } from './impl/balancer/corpus.ts';
import type { ProtocolBinding } from './drive/binding.ts';
import type { TraceJudgedMutant } from './drive/kill.ts';
import { paxosBinding } from './drive/paxos-binding.ts';
import { clusterBinding } from './drive/cluster-binding.ts';
import type { CheckModel } from './cli/check/check-model.ts';
import { paxosCheckModel } from './cli/check/paxos.ts';
import { clusterCheckModel, faultsFlag } from './cli/commands/check-cluster.ts';

/** A run of a check model: option values as `coordkit check MODEL` takes them. */
export interface ModelRun {
  label: string;
  opts: Record<string, unknown>;
}

/** A deliberately broken model: `coordkit check MODEL --mutant NAME` must violate a property. */
export interface ModelMutant {
  kind: 'model';
  name: string;
  description: string;
  /** The actor role whose machine it replaces, when it replaces one role's. */
  role?: string;
  /** The property that must catch it; absent: any invariant. */
  kills?: string;
  /** The check model that takes it as --mutant. */
  model: string;
  /** Where it is caught, cheapest first: `all` tries them in order. */
  runs: ModelRun[];
}

/** A deliberately broken implementation: the trace it records must fail `kills`. */
export interface TraceMutant {
  kind: 'trace';
  name: string;
  description: string;
  kills: string;
  /** What the recorded run is (the workload). */
  label: string;
  trace(): Iterable<TraceLine>;
}

export type FamilyMutant = ModelMutant | TraceMutant;

export interface Family<P extends Protocol = Protocol> {
  /** The family's name, which is also its traces' `protocol`. */
  name: P;
  machines: readonly RegisteredMachine[];
  /** Systems `coordkit check` knows; their `defaults` are what `all` checks. */
  checks: readonly CheckModel[];
  /** The checkers a trace of this protocol is judged by, built from its header. */
  checkers: CheckerFactory<P>;
  /** How `coordkit drive` replays the model against an implementation, if it can. */
  binding?: ProtocolBinding;
  mutants: readonly FamilyMutant[];
  /** The bundled traces, relative to the package root (`all` verifies them under traces/). */
  traces: string;
}

/** Any one row (a union, so each row keeps its own header type for `checkers`). */
export type AnyFamily = { [P in Protocol]: Family<P> }[Protocol];

/** Paxos.tla first (every value offered), then message passing, where a proposer may pick. */
const PAXOS_MUTANT_RUNS: ModelRun[] = [
  { label: 'Paxos.tla, ballots {0,1}', opts: { network: 'set', acceptors: 3, values: 2, ballots: 2 } },
  { label: 'message passing, 2 proposers, 2 ballots each', opts: { network: 'multiset', acceptors: 3, proposers: 2, learners: 1, rounds: 2, loss: 0, dup: 0, crashes: 0 } },
];

const paxos: Family<'paxos'> = {
  name: 'paxos',
  machines: paxosMachines,
  checks: [paxosCheckModel],
  checkers: paxosCheckers,
  binding: paxosBinding,
  mutants: paxosMutants.map((m) => ({ kind: 'model', name: m.name, description: m.description, role: m.role, model: 'paxos', runs: PAXOS_MUTANT_RUNS })),
  traces: 'traces/paxos',
};

const cluster: Family<'cluster'> = {
  name: 'cluster',
  machines: clusterMachines,
  checks: [clusterCheckModel],
  checkers: clusterCheckers,
  binding: clusterBinding,
  mutants: [
    ...clusterMutants.map((m): ModelMutant => {
      const { servers, syncLimit, maxTicks, faults, openClock } = m.config;
      const clock = openClock ? { openClock: true } : {};
      return {
        kind: 'model', name: m.name, description: m.description, role: 'server', kills: m.kills, model: 'cluster',
        runs: [{ label: `${servers} servers, syncLimit ${syncLimit}, ${maxTicks} ticks, faults ${faultsFlag(faults)}${openClock ? ', open clock' : ''}`, opts: { servers, syncLimit, maxTicks, faults: faultsFlag(faults), ...clock } }],
      };
    }),
    ...sessionMutants.map((m): ModelMutant => {
      const { sessions, timeout, maxTicks } = m.config;
      return {
        kind: 'model', name: m.name, description: m.description, role: 'tracker', kills: m.kills, model: 'cluster',
        runs: [{ label: `sessions: ${sessions} client(s), timeout ${timeout} ticks, ${maxTicks} ticks`, opts: { sessions, sessionTimeout: timeout, maxTicks } }],
      };
    }),
  ],
  traces: 'traces/cluster',
};

const balancer: Family<'balancer'> = {
  name: 'balancer',
  machines: balancerMachines,
  // Balancers are judged on traces (fairness is statistical), not by the explorer.
  checks: [],
  checkers: balancerCheckers,
  mutants: balancerMutants.map((m) => ({
    kind: 'trace', name: m.name, description: `${m.description} (claims ${m.claims})`, kills: m.breaks,
    label: 'standard workload: 2000 picks, drop a backend after a third, add one after two thirds',
    trace: () => mutantTrace(m),
  })),
  traces: 'traces/balancer',
};

export const families: readonly AnyFamily[] = [paxos, cluster, balancer];

export function findFamily(name: string): AnyFamily | undefined {
  return families.find((f) => f.name === name);
}

/** Every family's machines, by the names `coordkit diagram` takes. */
export const machines: readonly RegisteredMachine[] = families.flatMap((f) => f.machines);

export function findMachine(name: string): RegisteredMachine | undefined {
  return machines.find((m) => m.name === name);
}

/** The families `coordkit drive` and `coordkit run` can drive, by name. */
export const bindings: Readonly<Record<string, ProtocolBinding>> = Object.fromEntries(
  families.flatMap((f) => (f.binding ? [[f.name, f.binding]] : [])),
);

/** Every family's mutants that are judged on the trace they record (`drive --mutants` counts them). */
export function traceMutants(): TraceJudgedMutant[] {
  return families.flatMap((f) => f.mutants.flatMap((m) => (m.kind === 'trace' ? [{ family: f.name, name: m.name, kills: m.kills, trace: m.trace }] : [])));
}
