/**
 * The coordkit trace format: JSON Lines, one header line, then one event per line.
 * These zod schemas are the definition; `coordkit schema --json-schema` exports them
 * as JSON Schema for implementations in other languages.
 */
import { z } from 'zod';
import { backendListRules, clusterConfigRules, customConfigRules, paxosConfigRules } from './config-rules.ts';

export const TRACE_FORMAT = 'coordkit-trace';
export const TRACE_VERSION = 1;

const nodeId = z.string().min(1);
const value = z.union([z.string(), z.number()]);

// ---------------------------------------------------------------- header

const producer = z.object({
  name: z.string(),
  version: z.string().optional(),
}).passthrough();

export const paxosConfig = z.object({
  acceptors: z.array(nodeId).min(1),
  proposers: z.array(nodeId).min(1),
  learners: z.array(nodeId).default([]),
  values: z.array(value).min(1).describe('values the proposers may propose'),
  quorums: z.array(z.array(nodeId)).optional().describe('explicit quorums; default: all majorities of acceptors'),
  ballots: z.array(z.number().int()).optional(),
  ballotOrder: z.enum(['lexicographic']).optional().describe('ballots are [number, node id] pairs, ordered by number, then by node id (string order)'),
  decideWithin: z.object({
    ms: z.number().positive().optional(),
    events: z.number().int().nonnegative().optional().describe("further events at the learner itself before its decision (0: the decision is the learner's next event)"),
  }).optional().describe('learner liveness bound: a learner that received accepted for one (ballot, value) from a quorum decides within this many ms (ts) or of its own events; default: by the end of the trace'),
}).superRefine(paxosConfigRules);

export const clusterConfig = z.object({
  servers: z.array(nodeId).min(1),
  tickTime: z.number().positive().describe('milliseconds per tick'),
  syncLimit: z.number().int().positive().describe('ticks without an answer before a peer is given up'),
  initLimit: z.number().int().positive().optional(),
  sessionTimeout: z.number().positive().optional().describe('milliseconds'),
  clients: z.array(nodeId).default([]),
  leaderWithin: z.number().int().positive().optional().describe('leader liveness bound: ticks after a fault or recovery by which a leader must exist while a quorum is up and connected; default syncLimit + 5'),
}).superRefine(clusterConfigRules);

export const balancerPolicy = z.enum([
  'round-robin', 'weighted-round-robin', 'random', 'least-connections',
  'power-of-two', 'hash', 'consistent-hash',
]);

export const balancerConfig = z.object({
  policy: balancerPolicy,
  backends: z.array(z.object({ id: nodeId, weight: z.number().nonnegative().default(1).describe('0: never picked (drained)') })).min(1).superRefine(backendListRules),
  seed: z.number().int().optional(),
  vnodes: z.number().int().positive().optional().describe('consistent-hash: ring points per unit of weight (a backend of weight w > 0 gets max(1, round(vnodes·w))); absent: 1 is assumed, the weakest promise'),
  hash: z.enum(['fnv1a-fmix32', 'crc32', 'md5']).optional().describe("hash policies: the key hash function (coordkit's own balancers; default fnv1a-fmix32)"),
  alpha: z.number().gt(0).lt(1).optional().describe('family-wise false-alarm rate of the statistical verdicts over all `scenarios` traces (default 0.001)'),
  scenarios: z.number().int().positive().optional().describe('number of traces judged together, for the Šidák correction (default 1)'),
});

/**
 * A user's own system (`defineSystem`), judged only against that system: `coordkit verify
 * --system FILE` replays the trace on its XState machines and re-checks its properties.
 * `module` and `params` say where the system came from (`coordkit check FILE --param ...`).
 */
export const customConfig = z.object({
  system: z.string().min(1).describe("the system's name (defineSystem's `name`): verify refuses a trace of another system"),
  nodes: z.array(nodeId).min(1).describe('the actors that are nodes (environment actors are not)'),
  module: z.string().min(1).optional().describe('the module the system was loaded from, as given to `coordkit check`'),
  params: z.record(z.string(), z.string()).optional().describe('the --param values the module was given'),
}).superRefine(customConfigRules);

const headerBase = {
  type: z.literal('header'),
  format: z.literal(TRACE_FORMAT),
  version: z.literal(TRACE_VERSION),
  producer,
  /** Free text: what was run, fault schedule, command line. */
  description: z.string().optional(),
  loop: z.object({
    afterSeq: z.number().int().nonnegative().describe('the events after this seq repeat forever (after the last event: its state stutters forever)'),
  }).optional().describe('a lasso (a liveness counterexample): the trace is a prefix, then a cycle that repeats forever'),
};

export const header = z.discriminatedUnion('protocol', [
  z.object({ ...headerBase, protocol: z.literal('paxos'), config: paxosConfig }),
  z.object({ ...headerBase, protocol: z.literal('cluster'), config: clusterConfig }),
  z.object({ ...headerBase, protocol: z.literal('balancer'), config: balancerConfig }),
  z.object({ ...headerBase, protocol: z.literal('custom'), config: customConfig }),
]);
export type TraceHeader = z.infer<typeof header>;
export type Protocol = TraceHeader['protocol'];

// ---------------------------------------------------------------- messages

const ballot = z.number().int();

export const paxosMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('prepare'), ballot }),
  z.object({
    type: z.literal('promise'), ballot,
    acceptedBallot: ballot.nullable(), acceptedValue: value.nullable(),
  }),
  z.object({ type: z.literal('accept'), ballot, value }),
  z.object({ type: z.literal('accepted'), ballot, value }),
]);
export type PaxosMessage = z.infer<typeof paxosMessage>;

/**
 * A ballot as a trace may write it: an integer, or a (number, node id) pair ordered as the
 * header's `ballotOrder` declares (docs/trace-format.md, "Ballots"). The checkers map
 * pairs to integers (the models' total order) before judging.
 */
export const ballotPair = z.tuple([z.number().int().nonnegative(), nodeId]);
const ballotRef = z.union([ballot, ballotPair]);
export type BallotRef = z.infer<typeof ballotRef>;
/** Paxos messages as traces carry them: ballots may be pairs. */
export const paxosTraceMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('prepare'), ballot: ballotRef }),
  z.object({
    type: z.literal('promise'), ballot: ballotRef,
    acceptedBallot: ballotRef.nullable(), acceptedValue: value.nullable(),
  }),
  z.object({ type: z.literal('accept'), ballot: ballotRef, value }),
  z.object({ type: z.literal('accepted'), ballot: ballotRef, value }),
]);
export type PaxosTraceMessage = z.infer<typeof paxosTraceMessage>;

const zxid = z.number().int().nonnegative();
const epoch = z.number().int().nonnegative();
const sentAt = z.number().int().optional().describe("the sender's tick when it sent the message");
export const clusterMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), epoch, zxid, tick: z.number().int().optional() }),
  z.object({ type: z.literal('pong'), epoch, zxid, tick: sentAt }),
  z.object({
    type: z.literal('vote'), epoch, zxid, leader: nodeId, round: z.number().int().nonnegative().optional(),
    state: z.enum(['looking', 'following', 'leading']).optional().describe("the sender's own state; a leader answers votes with state 'leading'"),
    tick: sentAt,
  }),
  z.object({ type: z.literal('followerInfo'), epoch, zxid, tick: sentAt }).describe("a follower's accepted epoch, sent to the leader it chose"),
  z.object({ type: z.literal('newEpoch'), epoch, zxid, tick: sentAt }),
  z.object({ type: z.literal('ackEpoch'), epoch, zxid, tick: sentAt }),
  z.object({
    type: z.literal('session'), session: z.string().min(1), op: z.enum(['create', 'heartbeat', 'close', 'expire']),
    ephemerals: z.array(z.string()).optional().describe('nodes owned by the session'),
    zxid: z.number().int().nonnegative().optional().describe('leader to followers: the transaction id of the change'),
  }).describe("a client to the servers opens (create), keeps alive (heartbeat) or closes its session, which the leader acts on; from a leader to its followers, the change it made (create, close, expire)"),
]);
export type ClusterMessage = z.infer<typeof clusterMessage>;

/**
 * Messages outside the models' vocabulary that carry no obligation: nobody must act on
 * them and nothing may be inferred from them. Safety checkers ignore them; refinement
 * lists them (see docs/trace-format.md, "Extra messages").
 */
export const extraMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('nack'),
    about: z.enum(['prepare', 'accept']).optional().describe('the request refused'),
    ballot: z.union([z.number().int(), z.tuple([z.number().int().nonnegative(), nodeId])]).optional().describe('the ballot refused'),
    promised: z.union([z.number().int(), z.tuple([z.number().int().nonnegative(), nodeId])]).nullable().optional().describe("the refusing acceptor's promise, if it says"),
  }).describe('a refusal (reject) of a stale prepare or accept; carries no obligation'),
  z.object({
    type: z.literal('other'),
    name: z.string().min(1).describe("the implementation's own name for the message"),
    obligation: z.literal('none').describe('declares that the message obliges nobody to do anything'),
    body: z.unknown().optional(),
  }).describe('an implementation-defined message declared as carrying no obligation'),
]);
export type ExtraMessage = z.infer<typeof extraMessage>;
export const isExtraMessage = (m: { type: string }): m is ExtraMessage => m.type === 'nack' || m.type === 'other';

const message = z.union([paxosTraceMessage, clusterMessage, extraMessage]);
export type Message = z.infer<typeof message>;

// ---------------------------------------------------------------- events

const eventBase = {
  seq: z.number().int().nonnegative().describe('strictly increasing'),
  ts: z.number().nonnegative().optional().describe('milliseconds since the run started'),
  node: nodeId.describe('the node the event happened on'),
};
const ev = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ ...eventBase, kind: z.literal(kind), ...shape });

export const role = z.enum(['looking', 'following', 'leading', 'down']);

/** The event union over a message schema: the bundled protocols' messages, or a custom protocol's. */
const eventsWith = <M extends z.ZodType>(message: M) => z.discriminatedUnion('kind', [
  // messaging
  ev('send', { to: z.union([nodeId, z.array(nodeId)]), msg: message, id: z.string().optional() }),
  ev('receive', { from: nodeId, msg: message, id: z.string().optional() }),
  ev('drop', { from: nodeId, msg: message, id: z.string().optional() }).describe('a message lost by the network'),
  ev('duplicate', { from: nodeId, msg: message, id: z.string().optional() }),
  // local state (free-form snapshot of the node's variables)
  ev('state', { state: z.record(z.string(), z.unknown()) }),
  // paxos
  ev('propose', { value }),
  ev('decide', { value }),
  // cluster
  ev('role', { role, epoch, leader: nodeId.nullable().optional(), zxid: zxid.optional() }),
  ev('tick', { tick: z.number().int().nonnegative() }),
  ev('suspect', { peer: nodeId, tick: z.number().int().nonnegative().optional() }).describe('peer marked down'),
  ev('session', {
    session: z.string(), action: z.enum(['create', 'heartbeat', 'expire', 'close']),
    ephemerals: z.array(z.string()).optional(),
  }),
  // faults
  ev('crash', {}),
  ev('restart', {}),
  ev('pause', {}),
  ev('resume', {}),
  ev('partition', { groups: z.array(z.array(nodeId)).min(2) }),
  ev('heal', {}),
  // balancers (node = the balancer)
  ev('pick', {
    request: z.string(), backend: nodeId, key: z.string().optional(),
    candidates: z.array(nodeId).optional().describe('power of two: the two sampled backends'),
    inflight: z.record(nodeId, z.number().int().nonnegative()).optional().describe('in-flight counts at pick time, if the balancer reports them'),
    instance: z.string().min(1).optional().describe('hash policies: which of several balancer instances with the same configuration picked (a fresh instance or process gets a new name)'),
  }),
  ev('done', { request: z.string(), backend: nodeId }),
  ev('membership', { backends: z.array(z.object({ id: nodeId, weight: z.number().nonnegative().default(1) })).superRefine(backendListRules) }),
]);

export const traceEvent = eventsWith(message);
export type TraceEvent = z.infer<typeof traceEvent>;

/**
 * A custom protocol's message: any object with a `type` (the user's machines define the
 * vocabulary; replaying the trace on them is what judges it).
 */
export const customMessage = z.object({ type: z.string().min(1) }).catchall(z.unknown());
/** Events of a `custom` trace: the same kinds, with the user's messages. */
export const customTraceEvent = eventsWith(customMessage);
export type EventKind = TraceEvent['kind'];
export type EventOf<K extends EventKind> = Extract<TraceEvent, { kind: K }>;

/** JSON Schema of one trace line (header or event), for implementers elsewhere. */
export function traceJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(z.union([header, traceEvent, customTraceEvent]), { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}
