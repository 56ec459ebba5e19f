/** A specification machine as the CLI and the diagrams know it (`coordkit diagram paxos-acceptor`). */
import type { AnyStateMachine } from 'xstate';

export interface RegisteredMachine {
  /** CLI name, e.g. "paxos-acceptor". */
  name: string;
  /** The protocol family's name (a row of src/families.ts). */
  family: string;
  description: string;
  machine: AnyStateMachine;
}
