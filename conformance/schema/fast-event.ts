/**
 * A hand-written acceptor for the common, well-formed event lines. It exists only for
 * speed: zod stays the definition. The contract (checked by a property test) is that
 * whenever `fastEvent` returns an event, zod would accept the same input and produce a
 * deep-equal result. Anything unusual (unknown keys, defaults to fill in, rare kinds)
 * returns undefined and goes through zod.
 */
import type { TraceEvent } from './trace.ts';

type Obj = Record<string, unknown>;
type Check = (o: Obj) => boolean;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isNat = (v: unknown): boolean => isInt(v) && v >= 0;
const isId = (v: unknown): boolean => typeof v === 'string' && v.length > 0;
const isValue = (v: unknown): boolean => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const isIdList = (v: unknown): boolean => Array.isArray(v) && v.every(isId);

/**
 * A checker for objects with exactly these keys: required ones must be present and valid,
 * optional ones valid when present, and nothing else (zod would strip unknown keys; we
 * leave those lines to zod). Counting keys replaces a set lookup per key.
 */
function shape(required: Record<string, (v: unknown) => boolean>, optional: Record<string, (v: unknown) => boolean> = {}): Check {
  const reqKeys = Object.keys(required);
  const reqFns = Object.values(required);
  const optKeys = Object.keys(optional);
  const optFns = Object.values(optional);
  return (o) => {
    let expected = reqKeys.length;
    for (let i = 0; i < reqKeys.length; i++) if (!reqFns[i](o[reqKeys[i]])) return false;
    for (let i = 0; i < optKeys.length; i++) {
      const v = o[optKeys[i]];
      if (v !== undefined) {
        if (!optFns[i](v)) return false;
        expected++;
      } else if (Object.hasOwn(o, optKeys[i])) return false;
    }
    let keys = 0;
    for (const _ in o) keys++;
    return keys === expected;
  };
}

/**
 * Own keys plus inherited enumerable ones: a JSON object has exactly its own. A key
 * present with the value undefined (not JSON, but ITF import builds objects) is counted
 * while the checks below do not expect it, so such an object goes to zod.
 */
function countKeys(o: Obj): number {
  let keys = 0;
  for (const _ in o) keys++;
  return keys;
}

const isTs = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * The hot path, spelled out per type instead of through shape(): the generic checker's
 * call through an array of functions is not inlined and cost more than JSON.parse's
 * share of the same line. `switch` also keeps prototype names ('constructor') from
 * matching a table entry.
 */
function isMessage(m: unknown): boolean {
  if (!isObj(m)) return false;
  let keys: number;
  switch (m.type) {
    case 'prepare':
      if (!isInt(m.ballot)) return false;
      keys = 2;
      break;
    case 'promise':
      if (!isInt(m.ballot)) return false;
      if (m.acceptedBallot !== null && !isInt(m.acceptedBallot)) return false;
      if (m.acceptedValue !== null && !isValue(m.acceptedValue)) return false;
      keys = 4;
      break;
    case 'accept':
    case 'accepted':
      if (!isInt(m.ballot) || !isValue(m.value)) return false;
      keys = 3;
      break;
    case 'ping': return ping(m);
    case 'pong':
    case 'newEpoch':
    case 'ackEpoch': return epochMessage(m);
    default: return false;
  }
  return countKeys(m) === keys;
}

const ping = shape({ type: isId, epoch: isNat, zxid: isNat }, { tick: isInt });
const epochMessage = shape({ type: isId, epoch: isNat, zxid: isNat });

/** send and receive: seq, node, kind, to or from, msg; ts and id optional. */
function isMessageEvent(o: Obj, peerOk: boolean): boolean {
  if (!peerOk || !isNat(o.seq) || !isId(o.node) || !isMessage(o.msg)) return false;
  let keys = 5;
  if (o.ts !== undefined) {
    if (!isTs(o.ts)) return false;
    keys++;
  }
  if (o.id !== undefined) {
    if (typeof o.id !== 'string') return false;
    keys++;
  }
  return countKeys(o) === keys;
}

const base = { seq: isNat, node: isId, kind: isId };
const baseOpt = { ts: isTs };

const propose = shape({ ...base, value: isValue }, baseOpt);
const tick = shape({ ...base, tick: isNat }, baseOpt);
const role = shape(
  { ...base, role: (v) => v === 'looking' || v === 'following' || v === 'leading' || v === 'down', epoch: isNat },
  { ...baseOpt, leader: (v) => v === null || isId(v), zxid: isNat },
);
const suspect = shape({ ...base, peer: isId }, { ...baseOpt, tick: isNat });
const session = shape(
  { ...base, session: (v) => typeof v === 'string', action: (v) => v === 'create' || v === 'heartbeat' || v === 'expire' || v === 'close' },
  baseOpt,
);
const fault = shape(base, baseOpt);
const pick = shape({ ...base, request: (v) => typeof v === 'string', backend: isId }, { ...baseOpt, key: (v) => typeof v === 'string' });
const done = shape({ ...base, request: (v) => typeof v === 'string', backend: isId }, baseOpt);

function isFastEvent(o: Obj): boolean {
  switch (o.kind) {
    case 'send': return isMessageEvent(o, isId(o.to) || isIdList(o.to));
    case 'receive': return isMessageEvent(o, isId(o.from));
    case 'propose':
    case 'decide': return propose(o);
    case 'tick': return tick(o);
    case 'role': return role(o);
    case 'suspect': return suspect(o);
    case 'session': return session(o);
    case 'crash':
    case 'restart':
    case 'pause':
    case 'resume':
    case 'heal': return fault(o);
    case 'pick': return pick(o);
    case 'done': return done(o);
    default: return false;
  }
}

/** The event itself when it is certainly valid, else undefined (meaning: ask zod). */
export function fastEvent(v: unknown): TraceEvent | undefined {
  return isObj(v) && isFastEvent(v) ? (v as TraceEvent) : undefined;
}
