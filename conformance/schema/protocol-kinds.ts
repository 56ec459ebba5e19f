/**
 * Which events and messages belong to which protocol. The line schema accepts every
 * kind for every header (one discriminated union); without this table a Paxos header
 * over cluster events passes every Paxos property, because no Paxos checker ever sees
 * an event it judges. The reader refuses such a line as malformed (file, line, field).
 *
 * Event kinds are a table that must name every kind (the compiler checks it, so a new
 * kind has to be placed); message types are read from the per-protocol message schemas,
 * so a message type added to `paxosMessage` or `clusterMessage` belongs to its protocol
 * without an edit here. A `custom` protocol (a user's system) has no fixed message
 * vocabulary: its machines, replayed by `verify --system`, judge the messages.
 */
import { clusterMessage, extraMessage, paxosMessage, type EventKind, type Protocol, type TraceEvent } from './trace.ts';

/** 'any': environment and bookkeeping events every protocol's runs may record. */
const KIND_PROTOCOLS: Record<EventKind, readonly Protocol[] | 'any'> = {
  send: ['paxos', 'cluster', 'custom'],
  receive: ['paxos', 'cluster', 'custom'],
  drop: ['paxos', 'cluster', 'custom'],
  duplicate: ['paxos', 'cluster', 'custom'],
  state: 'any',
  propose: ['paxos', 'custom'],
  decide: ['paxos', 'custom'],
  role: ['cluster', 'custom'],
  tick: 'any',
  suspect: ['cluster', 'custom'],
  session: ['cluster', 'custom'],
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

const typesOf = (schema: { options: readonly { shape: { type: { value: unknown } } }[] }): ReadonlySet<string> =>
  new Set(schema.options.map((o) => String(o.shape.type.value)));

/** Extra messages (nack, other: no obligation) belong to every protocol that has messages. */
const EXTRA = [...typesOf(extraMessage)];

const MESSAGE_TYPES: Partial<Record<Protocol, ReadonlySet<string>>> = {
  paxos: new Set([...typesOf(paxosMessage), ...EXTRA]),
  cluster: new Set([...typesOf(clusterMessage), ...EXTRA]),
};

/**
 * Why `e` does not belong to a `protocol` trace, as a field and a message, or undefined
 * when it does.
 */
export function foreignToProtocol(e: TraceEvent, protocol: Protocol): { field: string; message: string } | undefined {
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

/**
 * A quick yes for events that belong to a `protocol` trace, for the reader's per-line
 * check: two set lookups, where foreignToProtocol builds its answer. On false, ask
 * foreignToProtocol why.
 */
export function belongsTo(protocol: Protocol): (e: TraceEvent) => boolean {
  const kinds = new Set<string>();
  for (const [kind, allowed] of Object.entries(KIND_PROTOCOLS)) if (allowed === 'any' || allowed.includes(protocol)) kinds.add(kind);
  const types = MESSAGE_TYPES[protocol];
  return (e) => kinds.has(e.kind)
    && (types === undefined || (e.kind !== 'send' && e.kind !== 'receive' && e.kind !== 'drop' && e.kind !== 'duplicate') || types.has(e.msg.type));
}

/** True for events only one protocol family records (not faults, ticks or state snapshots). */
export const isProtocolEvent = (e: TraceEvent): boolean => KIND_PROTOCOLS[e.kind] !== 'any';

/**
 * True for an event a `protocol` trace's checkers judge as a step of the protocol. In a
 * custom trace every event is one (the replay on the user's system takes each as a step,
 * a state snapshot or a crash as much as a send).
 */
export const isJudgedEvent = (e: TraceEvent, protocol: Protocol | undefined): boolean => protocol === 'custom' || isProtocolEvent(e);
