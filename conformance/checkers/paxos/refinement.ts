/**
 * Refinement of Paxos traces against the XState models in models/paxos: every role a
 * node plays (acceptor, proposer, learner: one model actor per role, so a node running
 * all three is three replays) must behave as its machine allows (see ../refinement.ts).
 *
 * Where the protocol leaves a choice, every allowed behaviour passes:
 * - Phase2a value: a proposer's accept is the machine's `propose` (Paxos.tla's Phase2a)
 *   for some quorum among the promises it received for the ballot, with the value of the
 *   highest-ballot vote among them, or, when that quorum reports none, any value the
 *   proposer may propose: a header value, a value some client proposed, or one this node
 *   heard earlier (in a promise or an accepted message). It may wait for more promises
 *   than a quorum first.
 * - Recipients: as in Paxos.tla, whose messages have no addressee, a message is judged by
 *   what it says, not by whom it is sent to (an `accepted` broadcast to every node is fine).
 * - Resends: a message the role already sent is a stutter step.
 * - Re-promise: a repeated prepare for the promised ballot may be answered again, with
 *   what the acceptor accepted since (the acceptor's `repromise` branch).
 * - Extra messages (`nack`, `other`) carry no obligation: they are listed, never judged.
 *
 * Conventions: a received message M from X is the event {type: M.type, from: X, ...M};
 * a proposer starting a round (its prepare) is the machine's `start` with that ballot
 * next in its list. A proposer that logs no received promise reads promises from the
 * message set, as in Paxos.tla (and the explorer's system of it): its accept is the
 * machine's `propose` with the promises some quorum sent for that ballot; if it is later
 * seen receiving a promise, that accept had no promise behind it. Nodes keep their state
 * across crashes (Paxos assumes stable storage).
 *
 * Every divergence is reported (not only the first), classified by the Paxos.tla action
 * the trace would need (Phase1a, Phase1b, Phase2a, Phase2b, Learn, State); after one,
 * the node's replay goes on from the candidates it had, as if the event had not happened.
 */
import { initialTransition, type AnyMachineSnapshot } from 'xstate';
import { acceptorMachine } from '../../../models/paxos/acceptor.ts';
import { learnerMachine } from '../../../models/paxos/learner.ts';
import { proposerMachine } from '../../../models/paxos/proposer.ts';
import { constrainedValue, majorityQuorums } from '../../../models/paxos/types.ts';
import { isExtraMessage, type PaxosMessage, type TraceEvent } from '../../schema/trace.ts';
import { ballotOrder, inTraceForm, type BallotOrder, type PaxosEvent } from './ballot-order.ts';
import { describe, NodeReplay, type Candidate, type ModelEvent, type Owed, type RoleBinding } from '../refinement.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import type { PaxosHeader, Value } from './setup.ts';

type Role = 'acceptor' | 'proposer' | 'learner';

const msgKey = (m: PaxosMessage): string => {
  switch (m.type) {
    case 'prepare': return `prepare|${m.ballot}`;
    case 'promise': return `promise|${m.ballot}|${m.acceptedBallot}|${JSON.stringify(m.acceptedValue)}`;
    case 'accept': return `accept|${m.ballot}|${JSON.stringify(m.value)}`;
    case 'accepted': return `accepted|${m.ballot}|${JSON.stringify(m.value)}`;
  }
};

const isPaxos = (m: { type: string }): m is PaxosMessage =>
  m.type === 'prepare' || m.type === 'promise' || m.type === 'accept' || m.type === 'accepted';

/** Which role sends a message, and the Paxos.tla action that sends it. */
const SENDER: Record<PaxosMessage['type'], { role: Role; action: string }> = {
  prepare: { role: 'proposer', action: 'Phase1a' },
  promise: { role: 'acceptor', action: 'Phase1b' },
  accept: { role: 'proposer', action: 'Phase2a' },
  accepted: { role: 'acceptor', action: 'Phase2b' },
};

/** The fields of a state event each role's context can be compared on (see docs/trace-format.md). */
const OBSERVABLE: Record<Role, readonly string[]> = {
  acceptor: ['maxBal', 'maxVBal', 'maxVal'],
  proposer: ['ballot', 'proposed'],
  learner: ['decided'],
};

/** A ballot as the models hold it: -1 for "none yet", which a trace may write as null. */
const modelBallot = (v: unknown) => (v === null ? -1 : v);

function observed(role: Role, ctx: Record<string, unknown>, field: string): unknown {
  if (role === 'proposer' && field === 'ballot') {
    const { ballots, round } = ctx as { ballots: number[]; round: number };
    return round < 0 ? -1 : ballots[round];
  }
  return ctx[field];
}

/** Does the candidate's context agree with every field of a state event this role knows? */
function agrees(role: Role, c: Candidate, e: TraceEvent): boolean | undefined {
  if (e.kind !== 'state') return undefined;
  const fields = OBSERVABLE[role].filter((f) => Object.hasOwn(e.state, f));
  if (fields.length === 0) return undefined;
  const ctx = c.snap.context as Record<string, unknown>;
  return fields.every((f) => {
    const isBallot = f === 'maxBal' || f === 'maxVBal' || f === 'ballot';
    const want = isBallot ? modelBallot(e.state[f]) : e.state[f];
    return observed(role, ctx, f) === want;
  });
}

function binding(role: Role, order: BallotOrder, accepts: readonly string[], machine: RoleBinding['machine'], extra: Partial<RoleBinding> = {}): RoleBinding {
  return {
    machine,
    describe: (e) => describe(inTraceForm(e, order)),
    received: (e) => (isPaxos(e.msg) && accepts.includes(e.msg.type) ? { ...e.msg, from: e.from } as ModelEvent : null),
    owes: (em) => {
      if (em.type === 'send') return { key: msgKey(em.msg as PaxosMessage), to: em.to as string[] };
      if (em.type === 'decide') return { key: `decide|${JSON.stringify(em.value)}`, to: [] };
      return null;
    },
    claims: (e) => {
      if (e.kind === 'send' && isPaxos(e.msg)) return { key: msgKey(e.msg), to: [e.to].flat() };
      if (e.kind === 'decide') return { key: `decide|${JSON.stringify(e.value)}`, to: [] };
      return null;
    },
    narrow: (c, e) => agrees(role, c, e),
    ...extra,
  };
}

type Promised = { acceptedBallot: number | null; acceptedValue: Value | null };

/**
 * Paxos.tla's Phase2a as the machine's `propose`: one event per quorum among `promised`
 * whose promises allow `value` (forced by the highest vote, or free and `mayPropose`).
 */
function proposals(
  snap: AnyMachineSnapshot, ballot: number, value: Value, promised: ReadonlyMap<string, Promised>,
  quorums: string[][], mayPropose: (v: Value) => boolean,
) {
  const out: { snap: AnyMachineSnapshot; event: ModelEvent }[] = [];
  for (const quorum of quorums) {
    if (!quorum.every((a) => promised.has(a))) continue;
    const promises = Object.fromEntries(quorum.map((a) => [a, promised.get(a)!]));
    const forced = constrainedValue(Object.values(promises) as never);
    if (forced === null ? !mayPropose(value) : forced !== value) continue;
    out.push({ snap, event: { type: 'propose', ballot, value, quorum, promises } });
    break; // every quorum that allows it leads to the same state
  }
  return out;
}

/** A proposer's `start` for the ballot it was just seen preparing. */
function startRound(c: { snap: AnyMachineSnapshot }, claim: Owed): { snap: AnyMachineSnapshot; event: ModelEvent }[] {
  if (!claim.key.startsWith('prepare|')) return [];
  const ballot = Number(claim.key.slice('prepare|'.length));
  const snap = proposerMachine.resolveState({
    value: c.snap.value as never,
    context: { ...(c.snap.context as object), ballots: [ballot], round: -1 } as never,
  });
  return [{ snap, event: { type: 'start' } }];
}

/** Most quorums the replay enumerates (the models hold them as lists). */
const MAX_QUORUMS = 20_000;

/** C(n, floor(n/2) + 1): how many majorities n acceptors have. */
function majorityCount(n: number): number {
  const k = Math.floor(n / 2) + 1;
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

const ACTIONS = ['Phase1a', 'Phase1b', 'Phase2a', 'Phase2b', 'Learn', 'State', 'MessageSet'] as const;

export class PaxosRefinementChecker implements Checker {
  readonly name = 'paxos.refinement';
  private readonly window = new EventWindow();
  private readonly log = new ViolationLog(this.window, { keep: 20 });
  /** node -> role -> its replay. */
  private readonly replays = new Map<string, Map<Role, NodeReplay>>();
  private readonly acceptors: ReadonlySet<string>;
  private readonly proposers: ReadonlySet<string>;
  /** ballot -> acceptor -> its promise: the message set a non-receiving proposer reads. */
  private readonly sentPromises = new Map<number, Map<string, Promised>>();
  /** Proposers seen receiving a promise. */
  private readonly receiving = new Set<string>();
  /** Non-receiving proposers -> line of their first accept (explained by the message set). */
  private readonly setReaders = new Map<string, number>();
  /** Values any proposer may propose: the header's and every client's. */
  private readonly proposable = new Set<Value>();
  /** node -> values it heard (in promises and accepted messages). */
  private readonly heard = new Map<string, Set<Value>>();
  private readonly divergences = new Map<string, number>();
  private stutters = 0;
  private extras = 0;
  private repromises = 0;
  /** acceptor -> highest ballot it promised (to count re-promises). */
  private readonly promised = new Map<string, number>();
  private events = 0;
  /** Sends, decisions and state events a replay judged: none means nothing was checked. */
  private judged = 0;

  /** Why the trace cannot be replayed at all (too many quorums to enumerate), or undefined. */
  private readonly unreplayable: string | undefined;

  constructor(h: PaxosHeader) {
    const { config } = h;
    const majorities = config.quorums ? config.quorums.length : majorityCount(config.acceptors.length);
    if (majorities > MAX_QUORUMS) {
      // The models enumerate quorums; C(40, 21) majorities would exhaust memory before the
      // first event. The streaming checkers, which count, still judge such a trace.
      this.unreplayable = `${config.acceptors.length} acceptors have ${majorities.toExponential(2)} majority quorums: too many for the XState models to enumerate (limit ${MAX_QUORUMS}); the other properties still judge the trace`;
      this.acceptors = new Set(config.acceptors);
      this.proposers = new Set(config.proposers);
      return;
    }
    const quorums = config.quorums ?? majorityQuorums(config.acceptors);
    // Only its display is used here: events reach the checker already mapped (registry.ts).
    const order = ballotOrder(h, '');
    this.acceptors = new Set(config.acceptors);
    this.proposers = new Set(config.proposers);
    for (const v of config.values) this.proposable.add(v);
    const add = (node: string, role: Role, replay: NodeReplay) => {
      let roles = this.replays.get(node);
      if (!roles) this.replays.set(node, (roles = new Map()));
      roles.set(role, replay);
    };
    for (const self of config.acceptors) {
      const [s] = initialTransition(acceptorMachine, { self, learners: config.learners, repromise: true });
      add(self, 'acceptor', new NodeReplay(binding('acceptor', order, ['prepare', 'accept'], acceptorMachine), [s], false));
    }
    for (const self of config.learners) {
      const [s] = initialTransition(learnerMachine, { self, quorums });
      add(self, 'learner', new NodeReplay(binding('learner', order, ['accepted'], learnerMachine), [s], false));
    }
    const proposerRole = binding('proposer', order, ['promise'], proposerMachine, {
      spontaneous: (c, claim, traced) => {
        const out = startRound(c, claim);
        const e = traced as PaxosEvent; // the replays see only mapped events (see event())
        if (e.kind !== 'send' || e.msg.type !== 'accept') return out;
        const { ballot, value } = e.msg;
        const may = (v: Value) => this.proposable.has(v) || (this.heard.get(e.node)?.has(v) ?? false);
        if (this.receiving.has(e.node)) {
          const ctx = c.snap.context as { ballots: number[]; round: number; promises: Record<string, Promised> };
          if (ctx.round >= 0 && ctx.ballots[ctx.round] === ballot) {
            out.push(...proposals(c.snap, ballot, value, new Map(Object.entries(ctx.promises)), quorums, may));
          }
        } else {
          const sent = this.sentPromises.get(ballot);
          if (sent) out.push(...proposals(c.snap, ballot, value, sent, quorums, may));
        }
        return out;
      },
    });
    for (const self of config.proposers) {
      // value null: the proposer proposes only through `propose`, whose value the
      // checker offers among the allowed ones (the machine's Paxos.tla mode).
      const [s] = initialTransition(proposerMachine, { self, ballots: [], acceptors: config.acceptors, quorums, value: null });
      add(self, 'proposer', new NodeReplay(proposerRole, [s], false));
    }
  }

  event(e: PaxosEvent, line: number): void {
    if (this.unreplayable) return;
    this.window.push(e, line);
    this.events++;
    if (e.kind === 'propose') { this.proposable.add(e.value); return; }
    if ((e.kind === 'send' || e.kind === 'receive') && isExtraMessage(e.msg)) {
      if (e.kind === 'send') this.extras++;
      return;
    }
    const roles = this.replays.get(e.node);
    if (!roles) return;
    if (e.kind === 'receive') {
      this.hear(e);
      for (const replay of roles.values()) replay.apply(e);
      this.setRead(e, line);
      return;
    }
    if (e.kind === 'send' && isPaxos(e.msg)) {
      const { role, action } = SENDER[e.msg.type];
      const replay = roles.get(role);
      if (!replay) { this.diverge(action, line, `${e.node} sends ${e.msg.type} but is not a ${role} in the header`); return; }
      this.noteRepromise(e);
      this.outcome(action, line, replay.apply(e));
      this.setRead(e, line);
      return;
    }
    if (e.kind === 'decide') {
      const replay = roles.get('learner');
      if (!replay) { this.diverge('Learn', line, `${e.node} decides ${JSON.stringify(e.value)} but is not a learner in the header`); return; }
      this.outcome('Learn', line, replay.apply(e));
      return;
    }
    if (e.kind === 'state') {
      for (const replay of roles.values()) this.outcome('State', line, replay.apply(e));
    }
  }

  private outcome(action: string, line: number, o: ReturnType<NodeReplay['apply']>): void {
    this.judged++;
    if (o.kind === 'stutter') this.stutters++;
    else if (o.kind === 'diverged') this.diverge(action, line, o.reason);
  }

  private diverge(action: string, line: number, reason: string): void {
    this.divergences.set(action, (this.divergences.get(action) ?? 0) + 1);
    this.log.report(line, `${action}: ${reason}`);
  }

  private hear(e: Extract<PaxosEvent, { kind: 'receive' }>): void {
    const m = e.msg;
    const v = m.type === 'promise' ? m.acceptedValue : m.type === 'accepted' || m.type === 'accept' ? m.value : null;
    if (v === null || v === undefined) return;
    let set = this.heard.get(e.node);
    if (!set) this.heard.set(e.node, (set = new Set()));
    set.add(v as Value);
  }

  private noteRepromise(e: PaxosEvent): void {
    if (e.kind !== 'send' || e.msg.type !== 'promise') return;
    const prior = this.promised.get(e.node);
    if (prior === e.msg.ballot) this.repromises++;
    if (prior === undefined || e.msg.ballot > prior) this.promised.set(e.node, e.msg.ballot);
  }

  /** Tracks the message set and which proposers read it; a divergence if one turns out to receive. */
  private setRead(e: PaxosEvent, line: number): void {
    if (e.kind === 'send' && e.msg.type === 'promise' && this.acceptors.has(e.node)) {
      let byAcceptor = this.sentPromises.get(e.msg.ballot);
      if (!byAcceptor) this.sentPromises.set(e.msg.ballot, (byAcceptor = new Map()));
      byAcceptor.set(e.node, { acceptedBallot: e.msg.acceptedBallot, acceptedValue: e.msg.acceptedValue });
    } else if (e.kind === 'send' && e.msg.type === 'accept' && this.proposers.has(e.node) && !this.receiving.has(e.node)) {
      if (!this.setReaders.has(e.node)) this.setReaders.set(e.node, line);
    } else if (e.kind === 'receive' && e.msg.type === 'promise' && this.proposers.has(e.node) && !this.receiving.has(e.node)) {
      this.receiving.add(e.node);
      const first = this.setReaders.get(e.node);
      if (first !== undefined) this.diverge('MessageSet', line, `${e.node} receives promises, yet sent accept at line ${first} without having received one`);
    }
  }

  end(): Verdict[] {
    if (this.unreplayable) return [{ property: this.name, status: 'skip', note: this.unreplayable, violations: [], figures: {} }];
    if (this.judged === 0 && this.log.total === 0) {
      const note = this.events === 0 ? 'no events to replay' : 'no send, decision or state of a declared role to replay';
      return [{ property: this.name, status: 'skip', note, violations: [], figures: { extraMessages: this.extras } }];
    }
    const allowed = `allowed: ${this.stutters} resend(s), ${this.repromises} re-promise(s), ${this.extras} extra message(s)`;
    const byAction = ACTIONS.filter((a) => this.divergences.has(a)).map((a) => `${a}=${this.divergences.get(a)}`).join(',');
    const v = verdictOf(this.name, this.log, {
      stutters: this.stutters, repromises: this.repromises, extraMessages: this.extras, divergences: byAction || null,
    }, allowed);
    return [v.status === 'fail' ? { ...v, note: `${v.note} (${byAction}; ${allowed})` } : v];
  }
}
