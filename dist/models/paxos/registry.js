import { acceptorMachine } from './acceptor.js';
import { proposerMachine } from './proposer.js';
import { learnerMachine } from './learner.js';
export const paxosMachines = [
    { name: 'paxos-proposer', family: 'paxos', description: 'Paxos proposer: prepare, gather a quorum of promises, accept', machine: proposerMachine },
    { name: 'paxos-acceptor', family: 'paxos', description: 'Paxos acceptor: promise above the highest ballot seen, accept at or above it', machine: acceptorMachine },
    { name: 'paxos-learner', family: 'paxos', description: 'Paxos learner: decide once a quorum accepted one proposal', machine: learnerMachine },
];
