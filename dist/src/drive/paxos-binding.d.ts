/** The Paxos binding: models/paxos' message-passing system and src/impl/paxos. */
import type { AnyMachineSnapshot } from 'xstate';
import { type PaxosVariant } from '../impl/paxos/nodes.ts';
import type { ProtocolBinding } from './binding.ts';
export declare function paxosModelView(role: string, snapshot: AnyMachineSnapshot): unknown;
export declare function paxosVariant(name?: string): PaxosVariant;
export declare const paxosBinding: ProtocolBinding;
