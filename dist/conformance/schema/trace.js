/**
 * The coordkit trace format: JSON Lines, one header line, then one event per line.
 * These zod schemas are the definition; `coordkit schema --json-schema` exports them
 * as JSON Schema for implementations in other languages.
 */
import { z } from 'zod';
import { backendListRules, clusterConfigRules, paxosConfigRules } from './config-rules.js';
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
}).superRefine(paxosConfigRules);
export const clusterConfig = z.object({
    servers: z.array(nodeId).min(1),
    tickTime: z.number().positive().describe('milliseconds per tick'),
    syncLimit: z.number().int().positive().describe('ticks without an answer before a peer is given up'),
    initLimit: z.number().int().positive().optional(),
    sessionTimeout: z.number().positive().optional().describe('milliseconds'),
    clients: z.array(nodeId).default([]),
}).superRefine(clusterConfigRules);
export const balancerPolicy = z.enum([
    'round-robin', 'weighted-round-robin', 'random', 'least-connections',
    'power-of-two', 'hash', 'consistent-hash',
]);
export const balancerConfig = z.object({
    policy: balancerPolicy,
    backends: z.array(z.object({ id: nodeId, weight: z.number().positive().default(1) })).min(1).superRefine(backendListRules),
    seed: z.number().int().optional(),
});
const headerBase = {
    type: z.literal('header'),
    format: z.literal(TRACE_FORMAT),
    version: z.literal(TRACE_VERSION),
    producer,
    /** Free text: what was run, fault schedule, command line. */
    description: z.string().optional(),
};
export const header = z.discriminatedUnion('protocol', [
    z.object({ ...headerBase, protocol: z.literal('paxos'), config: paxosConfig }),
    z.object({ ...headerBase, protocol: z.literal('cluster'), config: clusterConfig }),
    z.object({ ...headerBase, protocol: z.literal('balancer'), config: balancerConfig }),
]);
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
const message = z.union([paxosMessage, clusterMessage]);
// ---------------------------------------------------------------- events
const eventBase = {
    seq: z.number().int().nonnegative().describe('strictly increasing'),
    ts: z.number().nonnegative().optional().describe('milliseconds since the run started'),
    node: nodeId.describe('the node the event happened on'),
};
const ev = (kind, shape) => z.object({ ...eventBase, kind: z.literal(kind), ...shape });
export const role = z.enum(['looking', 'following', 'leading', 'down']);
export const traceEvent = z.discriminatedUnion('kind', [
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
    }),
    ev('done', { request: z.string(), backend: nodeId }),
    ev('membership', { backends: z.array(z.object({ id: nodeId, weight: z.number().positive().default(1) })).superRefine(backendListRules) }),
]);
/** JSON Schema of one trace line (header or event), for implementers elsewhere. */
export function traceJsonSchema() {
    return z.toJSONSchema(z.union([header, traceEvent]), { target: 'draft-2020-12', io: 'input' });
}
