/**
 * Which events and messages belong to which protocol. The line schema accepts every
 * kind for every header (one discriminated union); without this table a Paxos header
 * over cluster events passes every Paxos property, because no Paxos checker ever sees
 * an event it judges. The reader refuses such a line as malformed (file, line, field).
 *
 * Event kinds are a table that must name every kind (the compiler checks it, so a new
 * kind has to be placed); message types are read from the per-protocol message schemas,
 * so a message type added to `paxosMessage` or `clusterMessage` belongs to its protocol
 * without an edit here.
 */
import { type Protocol, type TraceEvent } from './trace.ts';
/**
 * Why `e` does not belong to a `protocol` trace, as a field and a message, or undefined
 * when it does.
 */
export declare function foreignToProtocol(e: TraceEvent, protocol: Protocol): {
    field: string;
    message: string;
} | undefined;
/** True for events only one protocol family records (not faults, ticks or state snapshots). */
export declare const isProtocolEvent: (e: TraceEvent) => boolean;
