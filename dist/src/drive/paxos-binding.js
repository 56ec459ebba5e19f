import { paxosMessageSystem } from '../../models/paxos/system.js';
import { createPaxosNode, invalidPaxosSpec } from '../impl/paxos/nodes.js';
import { paxosMutants } from '../impl/paxos/mutants.js';
import { AdapterError } from './adapter.js';
export function paxosModelView(role, snapshot) {
    switch (role) {
        case 'acceptor': {
            const c = snapshot.context;
            return { maxBal: c.maxBal, maxVBal: c.maxVBal, maxVal: c.maxVal };
        }
        case 'proposer': {
            const c = snapshot.context;
            return {
                phase: snapshot.value,
                ballot: c.round < 0 ? null : c.ballots[c.round],
                promised: Object.keys(c.promises).sort(),
                proposed: c.proposed,
            };
        }
        case 'learner': {
            const c = snapshot.context;
            return { accepted: c.accepted, decided: c.decided };
        }
        default:
            throw new Error(`no paxos role ${role}`);
    }
}
export function paxosVariant(name) {
    if (name === undefined || name === 'reference')
        return {};
    const m = paxosMutants.find((x) => x.name === name);
    if (!m)
        throw new AdapterError(`no paxos implementation '${name}'; known: reference, ${paxosMutants.map((x) => x.name).join(', ')}`);
    return m.variant;
}
export const paxosBinding = {
    protocol: 'paxos',
    system: (size) => paxosMessageSystem(size === 'small'
        ? { acceptors: 3, proposers: 2, learners: 1, rounds: 1, network: { loss: 0, duplicate: 0 }, faults: { crashes: 0, restarts: 0, partitions: 0 } }
        : { acceptors: 3, proposers: 2, learners: 1, rounds: 2, network: { loss: 1, duplicate: 1 }, faults: { crashes: 1, restarts: 0, partitions: 0 } }),
    modelView: paxosModelView,
    factory: (name) => {
        const variant = paxosVariant(name);
        return (spec) => {
            const bad = invalidPaxosSpec(spec);
            if (bad)
                throw new AdapterError(`node spec: ${bad}`);
            return createPaxosNode(spec, variant);
        };
    },
    variants: () => ['reference', ...paxosMutants.map((m) => m.name)],
};
