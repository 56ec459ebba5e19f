/**
 * A declared state mapping: how the variables of a TLA+ or Quint Paxos spec become
 * coordkit events. Which variable holds the message set, how a message's kind is tagged
 * (a record field such as Paxos.tla's `type`, or a Quint sum-type variant
 * {"tag": "Msg1a", "value": {...}}), the field names of each message, which variables
 * hold the acceptors' state, the "nothing" sentinels, and the constants a trace does not
 * carry (the values; acceptors and quorums when they cannot be read off the state).
 *
 * A mapping file is JSON validated by `stateMapping`; two are built in: `paxos-tla`
 * (Lamport's Paxos.tla) and `quint-paxos` (Quint's Paxos example and coordkit's own
 * conformance/interop/quint/paxos.qnt).
 */
import { z } from 'zod';

const value = z.union([z.string(), z.number()]);

export const stateMapping = z.object({
  name: z.string().default('custom'),
  protocol: z.literal('paxos'),
  messages: z.object({
    variable: z.string().min(1).describe('the variable holding the set of messages sent (a bare or qualified name)'),
    tag: z.union([
      z.object({ field: z.string().min(1) }).strict().describe('a record field names the kind (Paxos.tla: "type")'),
      z.object({ variant: z.literal(true) }).strict().describe('a sum-type variant names the kind (Quint)'),
    ]),
    kinds: z.object({
      prepare: z.string(), promise: z.string(), accept: z.string(), accepted: z.string(),
    }).strict().describe('the tag of each Paxos message kind'),
    fields: z.object({
      ballot: z.string(),
      promiseAcceptor: z.string().describe('the acceptor of a promise (1b)'),
      votedBallot: z.string().describe("a promise's highest accepted ballot"),
      votedValue: z.string().describe("a promise's value accepted in that ballot"),
      value: z.string().describe('the value of an accept (2a) or accepted (2b)'),
      acceptedAcceptor: z.string().describe('the acceptor of an accepted (2b)'),
    }).strict(),
  }).strict(),
  acceptorState: z.object({ maxBal: z.string(), maxVBal: z.string(), maxVal: z.string() }).strict().optional()
    .describe('variables mapping each acceptor to its state; each change becomes a state event'),
  none: z.object({
    ballot: z.number().int().default(-1).describe('"no ballot" (Paxos.tla: -1)'),
    values: z.array(value).default([]).describe('"no value" sentinels (Paxos.tla: None; Quint example: -1); a None variant always counts'),
  }).strict().default({ ballot: -1, values: [] }),
  constants: z.object({
    acceptors: z.array(z.string().min(1)).min(1),
    values: z.array(value).min(1),
    quorums: z.array(z.array(z.string().min(1)).min(1)).min(1),
  }).strict().partial().default({}),
}).strict();
export type StateMapping = z.infer<typeof stateMapping>;

const paxosKinds = { prepare: '1a', promise: '1b', accept: '2a', accepted: '2b' };

export const builtinMappings: Record<string, StateMapping> = {
  'paxos-tla': {
    name: 'paxos-tla',
    protocol: 'paxos',
    messages: {
      variable: 'msgs',
      tag: { field: 'type' },
      kinds: paxosKinds,
      fields: { ballot: 'bal', promiseAcceptor: 'acc', votedBallot: 'mbal', votedValue: 'mval', value: 'val', acceptedAcceptor: 'acc' },
    },
    acceptorState: { maxBal: 'maxBal', maxVBal: 'maxVBal', maxVal: 'maxVal' },
    none: { ballot: -1, values: ['None'] },
    constants: {},
  },
  'quint-paxos': {
    name: 'quint-paxos',
    protocol: 'paxos',
    messages: {
      variable: 'msgs',
      tag: { variant: true },
      kinds: { prepare: 'Msg1a', promise: 'Msg1b', accept: 'Msg2a', accepted: 'Msg2b' },
      fields: { ballot: 'bal', promiseAcceptor: 'acceptor', votedBallot: 'mbal', votedValue: 'mval', value: 'value', acceptedAcceptor: 'acc' },
    },
    acceptorState: { maxBal: 'maxBal', maxVBal: 'maxVBal', maxVal: 'maxVal' },
    none: { ballot: -1, values: [-1] },
    constants: {},
  },
};
