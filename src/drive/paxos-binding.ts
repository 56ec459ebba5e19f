/** The Paxos binding: models/paxos' message-passing system and src/impl/paxos. */
import type { AnyMachineSnapshot } from 'xstate';
import { paxosMessageSystem } from '../../models/paxos/system.ts';
import type { AcceptorContext } from '../../models/paxos/acceptor.ts';
import type { LearnerContext } from '../../models/paxos/learner.ts';
import type { ProposerContext } from '../../models/paxos/proposer.ts';
import { createPaxosNode, invalidPaxosSpec, type PaxosVariant } from '../impl/paxos/nodes.ts';
import { paxosMutants } from '../impl/paxos/mutants.ts';
import type { AcceptorView, LearnerView, PaxosNodeSpec, ProposerView } from '../impl/paxos/types.ts';
import { AdapterError } from './adapter.ts';
import type { DriveSize, ProtocolBinding } from './binding.ts';

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

export const paxosBinding: ProtocolBinding = {
  protocol: 'paxos',
  system: (size: DriveSize) => paxosMessageSystem(size === 'small'
    ? { acceptors: 3, proposers: 2, learners: 1, rounds: 1, network: { loss: 0, duplicate: 0 }, faults: { crashes: 0, restarts: 0, partitions: 0 } }
    : { acceptors: 3, proposers: 2, learners: 1, rounds: 2, network: { loss: 1, duplicate: 1 }, faults: { crashes: 1, restarts: 0, partitions: 0 } }),
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
};
