/**
 * Refinement of Paxos traces against the XState models in models/paxos: every acceptor,
 * proposer and learner must behave as its machine allows (see ../refinement.ts).
 * Conventions: a received message M from X is the event {type: M.type, from: X, ...M};
 * a proposer starting a round (its prepare) is the machine's `start` with that ballot
 * next in its list; a proposer's own value is unknown until it proposes or sends accept,
 * so one candidate per header value is kept. Nodes keep their state across crashes
 * (Paxos assumes stable storage). Only the first violation is reported.
 */
import { initialTransition, type AnyMachineSnapshot } from 'xstate';
import { acceptorMachine } from '../../../models/paxos/acceptor.ts';
import { learnerMachine } from '../../../models/paxos/learner.ts';
import { proposerMachine } from '../../../models/paxos/proposer.ts';
import { majorityQuorums } from '../../../models/paxos/types.ts';
import type { PaxosMessage, TraceEvent, TraceHeader } from '../../schema/trace.ts';
import { NodeReplay, type ModelEvent, type Owed, type RoleBinding } from '../refinement.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import { requirePaxos } from './setup.ts';

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

function binding(accepts: readonly string[], machine: RoleBinding['machine'], extra: Partial<RoleBinding> = {}): RoleBinding {
  return {
    machine,
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
    ...extra,
  };
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

export class PaxosRefinementChecker implements Checker {
  readonly name = 'paxos.refinement';
  private readonly window = new EventWindow();
  private readonly log = new ViolationLog(this.window, 1);
  private readonly replays = new Map<string, NodeReplay>();
  private skipped: string | undefined;
  private stopped = false;

  begin(h: TraceHeader): void {
    const { config } = requirePaxos(h);
    const quorums = config.quorums ?? majorityQuorums(config.acceptors);
    const roles = [...config.acceptors, ...config.proposers, ...config.learners];
    if (new Set(roles).size !== roles.length) {
      this.skipped = 'a node plays more than one role; the models describe one role per node';
      return;
    }
    for (const self of config.acceptors) {
      const [s] = initialTransition(acceptorMachine, { self, learners: config.learners });
      this.replays.set(self, new NodeReplay(binding(['prepare', 'accept'], acceptorMachine), [s]));
    }
    for (const self of config.learners) {
      const [s] = initialTransition(learnerMachine, { self, quorums });
      this.replays.set(self, new NodeReplay(binding(['accepted'], learnerMachine), [s]));
    }
    const proposerRole = binding(['promise'], proposerMachine, {
      spontaneous: startRound,
      narrow: (c, e) => (e.kind === 'propose' ? (c.snap.context as { value: unknown }).value === e.value : undefined),
    });
    for (const self of config.proposers) {
      const starts = config.values.map((value) =>
        initialTransition(proposerMachine, { self, ballots: [], acceptors: config.acceptors, quorums, value: value as string })[0]);
      this.replays.set(self, new NodeReplay(proposerRole, starts));
    }
  }

  event(e: TraceEvent, line: number): void {
    if (this.stopped || this.skipped) return;
    this.window.push(e, line);
    const replay = this.replays.get(e.node);
    if (!replay) return;
    const reason = replay.apply(e);
    if (reason) {
      this.log.report(line, reason);
      this.stopped = true;
    }
  }

  end(): Verdict[] {
    if (this.skipped) return [{ property: this.name, status: 'skip', note: this.skipped, violations: [], figures: {} }];
    return [verdictOf(this.name, this.log)];
  }
}
