/**
 * The Paxos binding: models/paxos' message-passing system and src/impl/paxos, plus what
 * Paxos allows beyond the model's one behaviour and which property each difference breaks.
 *
 * - Restarts keep stable storage (an acceptor's promise and vote, a learner's table and
 *   decision, a proposer's round), as src/impl/paxos does: the model machines get a
 *   `restart` transition that bumps a ghost `incarnation` counter (the explorer would
 *   otherwise restart them from their initial state).
 * - Phase2a: a free proposer may send any value of the configuration (Paxos.tla's
 *   `\E v \in Value`), including one it heard in an earlier round; a forced one must send
 *   the value of the highest-ballot vote among its promises. Alternatives are the
 *   proposer's snapshot with another own value: the model then follows that choice.
 * - Phase1b with `>=`: answering a duplicate prepare for the ballot already promised with
 *   a promise that reports the current vote keeps every Phase1b invariant (no vote lies
 *   strictly between the reported vote and the promised ballot), so it is allowed.
 */
import { assign, createMachine, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { paxosMessageSystem } from '../../models/paxos/system.ts';
import { acceptorMachine, type AcceptorContext } from '../../models/paxos/acceptor.ts';
import { learnerMachine, type LearnerContext } from '../../models/paxos/learner.ts';
import { proposerMachine, type ProposerContext } from '../../models/paxos/proposer.ts';
import { constrainedValue, isQuorum } from '../../models/paxos/types.ts';
import type { SystemSpec } from '../explore/spec.ts';
import { createPaxosNode, invalidPaxosSpec, type PaxosVariant } from '../impl/paxos/nodes.ts';
import { paxosMutants } from '../impl/paxos/mutants.ts';
import type { AcceptorView, LearnerView, PaxosNodeSpec, ProposerView } from '../impl/paxos/types.ts';
import { AdapterError, type DriveOutput } from './adapter.ts';
import type { DriveSize, Finding, ProtocolBinding, StepContext } from './binding.ts';

export function paxosModelView(role: string, snapshot: AnyMachineSnapshot): unknown {
  switch (role) {
    case 'acceptor': {
      const c = snapshot.context as AcceptorContext;
      return { maxBal: c.maxBal, maxVBal: c.maxVBal, maxVal: c.maxVal } satisfies AcceptorView;
    }
    case 'proposer': {
      const c = snapshot.context as ProposerContext;
      return {
        phase: snapshot.value as ProposerView['phase'],
        ballot: c.round < 0 ? null : c.ballots[c.round],
        promised: Object.keys(c.promises).sort(),
        proposed: c.proposed,
      } satisfies ProposerView;
    }
    case 'learner': {
      const c = snapshot.context as LearnerContext;
      return { accepted: c.accepted, decided: c.decided } satisfies LearnerView;
    }
    default:
      throw new Error(`no paxos role ${role}`);
  }
}

export function paxosVariant(name?: string): PaxosVariant {
  if (name === undefined || name === 'reference') return {};
  const m = paxosMutants.find((x) => x.name === name);
  if (!m) throw new AdapterError(`no paxos implementation '${name}'; known: reference, ${paxosMutants.map((x) => x.name).join(', ')}`);
  return m.variant;
}

// ---------------------------------------------------------------- restarts with stable storage

type Config = Record<string, unknown> & { on?: Record<string, unknown>; states?: Record<string, unknown> };
const incarnation = { incarnation: ({ context }: { context: { incarnation?: number } }) => (context.incarnation ?? 0) + 1 };

/** `machine` with a top-level `restart` transition (and `states` patched by `patch`). */
function withRestart(machine: AnyStateMachine, restart: Record<string, unknown>, patch: (c: Config) => Config = (c) => c): AnyStateMachine {
  const config = patch({ ...(machine.config as Config) });
  return createMachine({ ...config, on: { ...(config.on ?? {}), restart } } as never, machine.implementations as never);
}

/** An acceptor keeps its promise and vote. */
const durableAcceptor = withRestart(acceptorMachine, { actions: assign(incarnation as never) });
/** A proposer keeps its round and resumes idle, as src/impl/paxos/proposer.ts does. */
const durableProposer = withRestart(proposerMachine, {
  target: '.idle', actions: assign({ ...incarnation, promises: {}, proposed: null } as never),
});
/** A learner keeps its table and decision (its decided state is no longer final, so it can restart). */
const durableLearner = withRestart(learnerMachine, { actions: assign(incarnation as never) },
  (c) => ({ ...c, states: { ...c.states, decided: {} } }));

// ---------------------------------------------------------------- what the protocol allows

const sends = (outs: readonly DriveOutput[], type: string) =>
  outs.filter((o) => o.type === 'send' && (o.msg as { type?: string })?.type === type) as unknown as { to: string | string[]; msg: Record<string, unknown> }[];
const recipients = (o: { to: string | string[] }) => (Array.isArray(o.to) ? o.to : [o.to]);

/** A promise for the ballot already promised, to its sender, reporting the current vote. */
function rePromise(ctx: StepContext, output: DriveOutput): string | null {
  if (ctx.role !== 'acceptor' || ctx.input === 'restart' || ctx.input.kind !== 'receive') return null;
  const msg = ctx.input.msg;
  const out = output.msg as Record<string, unknown> | undefined;
  if (output.type !== 'send' || out?.type !== 'promise' || msg.type !== 'prepare') return null;
  const c = ctx.before.context as AcceptorContext;
  const to = recipients(output as never);
  const reports = out.acceptedBallot === (c.maxVBal < 0 ? null : c.maxVBal) && out.acceptedValue === c.maxVal;
  if (msg.ballot === c.maxBal && out.ballot === c.maxBal && reports && to.length === 1 && to[0] === ctx.input.from) {
    return 're-promise of the promised ballot (Phase1b with >=)';
  }
  return null;
}

/** A proposer's snapshot with each other value of the configuration as its own. */
function otherValues(role: string, snapshot: AnyMachineSnapshot, system: SystemSpec) {
  if (role !== 'proposer') return [];
  const c = snapshot.context as ProposerContext;
  const values = (system.traceHeader().config as { values: string[] }).values;
  const machine = (snapshot as unknown as { machine: AnyStateMachine }).machine;
  return values.filter((v) => v !== c.value).map((v) => ({
    label: `Phase2a value ${v} (free choice; the model's proposer picks ${c.value})`,
    snapshot: machine.resolveState({ value: snapshot.value, context: { ...c, value: v } }) as AnyMachineSnapshot,
  }));
}

// ---------------------------------------------------------------- which property a difference breaks

const finding = (cls: Finding['class'], property: string, why: string): Finding => ({ class: cls, property: `paxos.${property}`, why });

export function classifyPaxos(ctx: StepContext, what: 'outputs' | 'state', observed: unknown, expectedState: unknown): Finding {
  const msg = ctx.input !== 'restart' && ctx.input.kind === 'receive' ? ctx.input.msg as Record<string, unknown> : null;
  if (ctx.role === 'acceptor') {
    const c = ctx.before.context as AcceptorContext;
    for (const a of sends(ctx.actual, 'accepted')) {
      if ((a.msg.ballot as number) < c.maxBal) return finding('safety', 'accept-respects-promise', `accepted ballot ${String(a.msg.ballot)} below its promise ${c.maxBal}`);
    }
    for (const p of sends(ctx.actual, 'promise')) {
      if ((p.msg.ballot as number) < c.maxBal) return finding('safety', 'promise-monotonic', `promised ballot ${String(p.msg.ballot)} below its promise ${c.maxBal}`);
      const vb = c.maxVBal < 0 ? null : c.maxVBal;
      if (p.msg.acceptedBallot !== vb || p.msg.acceptedValue !== c.maxVal) {
        return finding('safety', 'promise-reports-vote', `promise reports (${String(p.msg.acceptedBallot)}, ${String(p.msg.acceptedValue)}) but its last vote is (${String(vb)}, ${String(c.maxVal)})`);
      }
    }
    const o = observed as Partial<AcceptorView> | undefined;
    const e = expectedState as AcceptorView;
    if (what === 'state' && o && ((typeof o.maxBal === 'number' && o.maxBal < e.maxBal) || (typeof o.maxVBal === 'number' && o.maxVBal < e.maxVBal))) {
      return finding('safety', 'promise-monotonic', `state forgets its promise or vote (maxBal ${String(o.maxBal)}, expected ${e.maxBal})`);
    }
  }
  if (ctx.role === 'proposer') {
    const accepts = sends(ctx.actual, 'accept');
    if (accepts.length > 0 && sends(ctx.expected, 'accept').length === 0) {
      const c = ctx.before.context as ProposerContext;
      const promised = { ...c.promises };
      if (msg?.type === 'promise' && msg.ballot === c.ballots[c.round]) {
        promised[ctx.input === 'restart' || ctx.input.kind !== 'receive' ? '' : ctx.input.from] = { acceptedBallot: msg.acceptedBallot as number | null, acceptedValue: msg.acceptedValue as string | null };
      }
      if (!isQuorum(Object.keys(promised), c.quorums)) return finding('safety', 'accept-after-quorum', `sent accept with promises from ${Object.keys(promised).sort().join(', ') || 'no acceptor'} only`);
    }
    const c = ctx.before.context as ProposerContext;
    const forced = constrainedValue(Object.values(c.promises).concat(msg?.type === 'promise' ? [{ acceptedBallot: msg.acceptedBallot as number | null, acceptedValue: msg.acceptedValue as string | null }] : []));
    for (const a of accepts) {
      if (forced !== null && a.msg.value !== forced) return finding('safety', 'accept-value', `proposed ${String(a.msg.value)} although a promise reports the vote for ${forced}`);
    }
  }
  if (ctx.role === 'learner') {
    const decided = ctx.actual.filter((o) => o.type === 'decide');
    const expected = ctx.expected.filter((o) => o.type === 'decide');
    if (decided.length > 0 && (expected.length === 0 || decided.some((d) => d.value !== expected[0].value))) {
      return finding('safety', 'decide-chosen', `decided ${String(decided[0].value)} without a quorum of acceptances for it`);
    }
    if (expected.length > 0 && decided.length === 0) {
      return finding('liveness', 'learner-liveness', `did not decide ${String(expected[0].value)} although a quorum's acceptances for it reached it`);
    }
    const o = observed as Partial<LearnerView> | undefined;
    const e = expectedState as LearnerView;
    if (what === 'state' && o && 'decided' in o && o.decided !== e.decided) {
      return o.decided === null
        ? finding('liveness', 'learner-liveness', `shows no decision although ${String(e.decided)} is chosen and reached it`)
        : finding('safety', 'decide-chosen', `shows decision ${String(o.decided)}; the model's learner has ${String(e.decided)}`);
    }
  }
  return finding('conformance', 'refinement', `the ${ctx.role} ${what === 'state' ? 'reached a state' : 'emitted outputs'} the model does not allow here`);
}

// ---------------------------------------------------------------- the binding

export const paxosBinding: ProtocolBinding = {
  protocol: 'paxos',
  system: (size: DriveSize, restarts = 0) => paxosMessageSystem({
    ...(size === 'small'
      ? { acceptors: 3, proposers: 2, learners: 1, rounds: 1, network: { loss: 0, duplicate: 0 }, faults: { crashes: restarts > 0 ? 1 : 0, restarts, partitions: 0 } }
      : { acceptors: 3, proposers: 2, learners: 1, rounds: 2, network: { loss: 1, duplicate: 1 }, faults: { crashes: Math.max(1, restarts), restarts, partitions: 0 } }),
    machines: { acceptor: durableAcceptor, proposer: durableProposer, learner: durableLearner },
  }),
  modelView: paxosModelView,
  factory: (name) => {
    const variant = paxosVariant(name);
    return (spec) => {
      const bad = invalidPaxosSpec(spec);
      if (bad) throw new AdapterError(`node spec: ${bad}`);
      return createPaxosNode(spec as PaxosNodeSpec, variant);
    };
  },
  variants: () => ['reference', ...paxosMutants.map((m) => m.name)],
  allowedExtra: rePromise,
  alternatives: otherValues,
  classify: classifyPaxos,
  ballots: {
    fields: { maxBal: -1, maxVBal: -1, ballot: null, acceptedBallot: null },
    keyedFields: ['accepted'],
    owners: (system) => {
      const owners = new Map<number, string>();
      for (const a of system.actors) if (a.role === 'proposer') for (const b of (a.input as { ballots: number[] }).ballots) owners.set(b, a.id);
      return owners;
    },
  },
  // Library style: node i runs proposer p<i>, acceptor a<i> and learner l<i>, those that exist.
  hosts: (system) => Object.fromEntries(system.actors.map((a) => [a.id, `n${a.id.slice(1)}`])),
};
