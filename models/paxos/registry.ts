import type { RegisteredMachine } from '../registered-machine.ts';
import { acceptorMachine } from './acceptor.ts';
import { proposerMachine } from './proposer.ts';
import { learnerMachine } from './learner.ts';

export const paxosMachines: RegisteredMachine[] = [
  { name: 'paxos-proposer', family: 'paxos', description: 'Paxos proposer: prepare, gather a quorum of promises, accept', machine: proposerMachine },
  { name: 'paxos-acceptor', family: 'paxos', description: 'Paxos acceptor: promise above the highest ballot seen, accept at or above it', machine: acceptorMachine },
  { name: 'paxos-learner', family: 'paxos', description: 'Paxos learner: decide once a quorum accepted one proposal', machine: learnerMachine },
];
