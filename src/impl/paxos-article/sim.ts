/**
 * Deterministic in-process run of a Paxos cluster: a seeded scheduler picks, step by step,
 * which in-flight message to deliver (or drop) and when a proposer times out and retries.
 * Every send, receive, drop, propose and decide is recorded as a coordkit trace event.
 */
import type { PaxosMessage, TraceEvent, TraceHeader } from '../../../conformance/schema/trace.ts';
import { ArticleAcceptor, ArticleProposer } from './article.ts';
import { Acceptor, Proposer, type Mutation } from './correct.ts';
import { LatestOnlyLearner, Learner, type Cluster, type Effect, type PaxosNode, type ProposerNode } from './roles.ts';
import { pick, seeded } from '../random.ts';
import { traceHeader } from '../../../conformance/schema/header.ts';

export type Implementation = 'article' | 'correct';

export interface RunOptions {
  impl: Implementation;
  seed: number;
  mutation?: Mutation;
  proposers?: number;
  acceptors?: number;
  learners?: number;
  /** Probability that a delivery step loses the message instead. */
  dropRate?: number;
  /** Probability per step that some proposer times out and starts a new round. */
  retryRate?: number;
  /** Probability that a delivered message is also duplicated by the network (delivered again later). */
  duplicateRate?: number;
  /** Acceptors answer a repeated prepare for their promised ballot again (library style). */
  repromise?: boolean;
  maxSteps?: number;
}

export interface Run {
  header: TraceHeader;
  events: TraceEvent[];
}

interface InFlight { from: string; to: string; msg: PaxosMessage }

function build(o: Required<RunOptions>, rng: () => number): Cluster {
  const acceptorIds = Array.from({ length: o.acceptors }, (_, i) => `a${i + 1}`);
  const learnerIds = Array.from({ length: o.learners }, (_, i) => `l${i + 1}`);
  const quorum = Math.floor(o.acceptors / 2) + 1;
  const proposers: ProposerNode[] = Array.from({ length: o.proposers }, (_, i) => {
    const id = `p${i + 1}`;
    const value = o.mutation === 'invent-value' && i === 0 ? 'invented' : `v${i + 1}`;
    return o.impl === 'article'
      ? new ArticleProposer(id, value, acceptorIds, i === 0 ? 0 : -Math.floor(rng() * 12))
      : new Proposer(id, value, (round) => round * o.proposers + i, acceptorIds, quorum, o.mutation);
  });
  const acceptors: PaxosNode[] = acceptorIds.map((id) =>
    o.impl === 'article' ? new ArticleAcceptor(id, learnerIds) : new Acceptor(id, learnerIds, o.mutation, o.repromise));
  const learners = learnerIds.map((id) => o.mutation === 'learner-keeps-latest-only'
    ? new LatestOnlyLearner(id, quorum)
    : new Learner(id, quorum, o.mutation === 'learner-decides-on-first'));
  return { proposers, acceptors, learners };
}

export function runPaxos(options: RunOptions): Run {
  const o: Required<RunOptions> = {
    mutation: 'none', proposers: 2, acceptors: 3, learners: 2, dropRate: 0.05, retryRate: 0.04, maxSteps: 400,
    duplicateRate: 0, repromise: false, ...options,
  };
  const rng = seeded(o.seed);
  const cluster = build(o, rng);
  const nodes = new Map<string, PaxosNode>([...cluster.proposers, ...cluster.acceptors, ...cluster.learners].map((n) => [n.id, n]));
  const header: TraceHeader = traceHeader('paxos', {
    acceptors: cluster.acceptors.map((n) => n.id),
    proposers: cluster.proposers.map((n) => n.id),
    learners: cluster.learners.map((n) => n.id),
    values: cluster.proposers.map((_, i) => `v${i + 1}`),
  }, { name: `coordkit paxos-${o.impl}`, version: '1' },
  `in-process ${o.impl === 'article' ? "source article's Paxos" : 'correct Paxos'}${o.mutation !== 'none' ? ` with mutation ${o.mutation}` : ''}${o.repromise ? ', acceptors re-promise' : ''}${o.duplicateRate > 0 ? `, network duplicates ${o.duplicateRate}` : ''}, seed ${o.seed}`);
  const events: TraceEvent[] = [];
  const inFlight: InFlight[] = [];
  let seq = 0;
  let now = 0;
  const record = (e: Record<string, unknown>) => events.push({ seq: ++seq, ts: now, ...e } as TraceEvent);
  const apply = (node: string, effects: Effect[]) => {
    for (const eff of effects) {
      if ('decide' in eff) record({ node, kind: 'decide', value: eff.decide });
      else {
        record({ node, kind: 'send', to: eff.send.to, msg: eff.send.msg });
        for (const to of eff.send.to) inFlight.push({ from: node, to, msg: eff.send.msg });
      }
    }
  };

  for (const [i, p] of cluster.proposers.entries()) {
    record({ node: p.id, kind: 'propose', value: `v${i + 1}` }); // what the client asked for
    apply(p.id, p.start(now));
    now += 1 + Math.floor(rng() * 3);
  }
  for (let step = 0; step < o.maxSteps && inFlight.length > 0; step++) {
    now += 1;
    if (rng() < o.retryRate) {
      const p = pick(rng, cluster.proposers);
      apply(p.id, p.start(now));
      continue;
    }
    const [m] = inFlight.splice(Math.floor(rng() * inFlight.length), 1);
    if (rng() < o.dropRate) {
      record({ node: m.to, kind: 'drop', from: m.from, msg: m.msg });
      continue;
    }
    // Drawn only when duplication is on, so runs without it keep their seeds' schedules.
    if (o.duplicateRate > 0 && rng() < o.duplicateRate) {
      record({ node: m.to, kind: 'duplicate', from: m.from, msg: m.msg });
      inFlight.push({ ...m });
    }
    record({ node: m.to, kind: 'receive', from: m.from, msg: m.msg });
    apply(m.to, (nodes.get(m.to) as PaxosNode).receive(m.from, m.msg, now));
  }
  return { header, events };
}

