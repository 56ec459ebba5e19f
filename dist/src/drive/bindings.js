import { clusterBinding } from './cluster-binding.js';
import { paxosBinding } from './paxos-binding.js';
export const bindings = {
    paxos: paxosBinding,
    cluster: clusterBinding,
};
