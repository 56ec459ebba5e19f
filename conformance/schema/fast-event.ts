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

const messageShapes: Record<string, Check> = {
  prepare: shape({ type: isId, ballot: isInt }),
  promise: shape({
    type: isId, ballot: isInt,
    acceptedBallot: (v) => v === null || isInt(v),
    acceptedValue: (v) => v === null || isValue(v),
  }),
  accept: shape({ type: isId, ballot: isInt, value: isValue }),
  accepted: shape({ type: isId, ballot: isInt, value: isValue }),
  ping: shape({ type: isId, epoch: isNat, zxid: isNat }, { tick: isInt }),
  pong: shape({ type: isId, epoch: isNat, zxid: isNat }),
  newEpoch: shape({ type: isId, epoch: isNat, zxid: isNat }),
  ackEpoch: shape({ type: isId, epoch: isNat, zxid: isNat }),
};

const isMessage = (v: unknown): boolean => {
  if (!isObj(v) || typeof v.type !== 'string') return false;
  const check = messageShapes[v.type];
  return check !== undefined && check(v);
};

const base = { seq: isNat, node: isId, kind: isId };
const baseOpt = { ts: (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 };

const eventShapes: Record<string, Check> = {
  send: shape({ ...base, to: (v) => isId(v) || isIdList(v), msg: isMessage }, { ...baseOpt, id: (v) => typeof v === 'string' }),
  receive: shape({ ...base, from: isId, msg: isMessage }, { ...baseOpt, id: (v) => typeof v === 'string' }),
  propose: shape({ ...base, value: isValue }, baseOpt),
  decide: shape({ ...base, value: isValue }, baseOpt),
  tick: shape({ ...base, tick: isNat }, baseOpt),
  role: shape(
    { ...base, role: (v) => v === 'looking' || v === 'following' || v === 'leading' || v === 'down', epoch: isNat },
    { ...baseOpt, leader: (v) => v === null || isId(v), zxid: isNat },
  ),
  suspect: shape({ ...base, peer: isId }, { ...baseOpt, tick: isNat }),
  session: shape(
    { ...base, session: (v) => typeof v === 'string', action: (v) => v === 'create' || v === 'heartbeat' || v === 'expire' || v === 'close' },
    baseOpt,
  ),
  crash: shape(base, baseOpt),
  restart: shape(base, baseOpt),
  pause: shape(base, baseOpt),
  resume: shape(base, baseOpt),
  heal: shape(base, baseOpt),
  pick: shape({ ...base, request: (v) => typeof v === 'string', backend: isId }, { ...baseOpt, key: (v) => typeof v === 'string' }),
  done: shape({ ...base, request: (v) => typeof v === 'string', backend: isId }, baseOpt),
};

/** The event itself when it is certainly valid, else undefined (meaning: ask zod). */
export function fastEvent(v: unknown): TraceEvent | undefined {
  if (!isObj(v) || typeof v.kind !== 'string') return undefined;
  const check = eventShapes[v.kind];
  return check !== undefined && check(v) ? (v as TraceEvent) : undefined;
}
