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
import { clusterMessage, paxosMessage } from './trace.js';
/** 'any': environment and bookkeeping events every protocol's runs may record. */
const KIND_PROTOCOLS = {
    send: ['paxos', 'cluster'],
    receive: ['paxos', 'cluster'],
    drop: ['paxos', 'cluster'],
    duplicate: ['paxos', 'cluster'],
    state: 'any',
    propose: ['paxos'],
    decide: ['paxos'],
    role: ['cluster'],
    tick: 'any',
    suspect: ['cluster'],
    session: ['cluster'],
    crash: 'any',
    restart: 'any',
    pause: 'any',
    resume: 'any',
    partition: 'any',
    heal: 'any',
    pick: ['balancer'],
    done: ['balancer'],
    membership: ['balancer'],
};
const typesOf = (schema) => new Set(schema.options.map((o) => String(o.shape.type.value)));
const MESSAGE_TYPES = {
    paxos: typesOf(paxosMessage),
    cluster: typesOf(clusterMessage),
};
/**
 * Why `e` does not belong to a `protocol` trace, as a field and a message, or undefined
 * when it does.
 */
export function foreignToProtocol(e, protocol) {
    const allowed = KIND_PROTOCOLS[e.kind];
    if (allowed !== 'any' && !allowed.includes(protocol)) {
        return { field: 'kind', message: `a '${e.kind}' event does not belong to a ${protocol} trace (it is a ${allowed.join(' or ')} event)` };
    }
    if (e.kind === 'send' || e.kind === 'receive' || e.kind === 'drop' || e.kind === 'duplicate') {
        const types = MESSAGE_TYPES[protocol];
        if (types !== undefined && !types.has(e.msg.type)) {
            return { field: 'msg.type', message: `message type '${e.msg.type}' does not belong to a ${protocol} trace (expected one of ${[...types].join(', ')})` };
        }
    }
    return undefined;
}
/** True for events only one protocol family records (not faults, ticks or state snapshots). */
export const isProtocolEvent = (e) => KIND_PROTOCOLS[e.kind] !== 'any';
