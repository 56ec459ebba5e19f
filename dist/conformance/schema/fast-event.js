const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v) => Number.isSafeInteger(v);
const isNat = (v) => isInt(v) && v >= 0;
const isId = (v) => typeof v === 'string' && v.length > 0;
const isValue = (v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const isIdList = (v) => Array.isArray(v) && v.every(isId);
/**
 * A checker for objects with exactly these keys: required ones must be present and valid,
 * optional ones valid when present, and nothing else (zod would strip unknown keys; we
 * leave those lines to zod). Counting keys replaces a set lookup per key.
 */
function shape(required, optional = {}) {
    const reqKeys = Object.keys(required);
    const reqFns = Object.values(required);
    const optKeys = Object.keys(optional);
    const optFns = Object.values(optional);
    return (o) => {
        let expected = reqKeys.length;
        for (let i = 0; i < reqKeys.length; i++)
            if (!reqFns[i](o[reqKeys[i]]))
                return false;
        for (let i = 0; i < optKeys.length; i++) {
            const v = o[optKeys[i]];
            if (v !== undefined) {
                if (!optFns[i](v))
                    return false;
                expected++;
            }
            else if (Object.hasOwn(o, optKeys[i]))
                return false;
        }
        let keys = 0;
        for (const _ in o)
            keys++;
        return keys === expected;
    };
}
const messageShapes = {
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
const isMessage = (v) => {
    if (!isObj(v) || typeof v.type !== 'string')
        return false;
    const check = messageShapes[v.type];
    return check !== undefined && check(v);
};
const base = { seq: isNat, node: isId, kind: isId };
const baseOpt = { ts: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 };
const eventShapes = {
    send: shape({ ...base, to: (v) => isId(v) || isIdList(v), msg: isMessage }, { ...baseOpt, id: (v) => typeof v === 'string' }),
    receive: shape({ ...base, from: isId, msg: isMessage }, { ...baseOpt, id: (v) => typeof v === 'string' }),
    propose: shape({ ...base, value: isValue }, baseOpt),
    decide: shape({ ...base, value: isValue }, baseOpt),
    tick: shape({ ...base, tick: isNat }, baseOpt),
    role: shape({ ...base, role: (v) => v === 'looking' || v === 'following' || v === 'leading' || v === 'down', epoch: isNat }, { ...baseOpt, leader: (v) => v === null || isId(v), zxid: isNat }),
    suspect: shape({ ...base, peer: isId }, { ...baseOpt, tick: isNat }),
    session: shape({ ...base, session: (v) => typeof v === 'string', action: (v) => v === 'create' || v === 'heartbeat' || v === 'expire' || v === 'close' }, baseOpt),
    crash: shape(base, baseOpt),
    restart: shape(base, baseOpt),
    pause: shape(base, baseOpt),
    resume: shape(base, baseOpt),
    heal: shape(base, baseOpt),
    pick: shape({ ...base, request: (v) => typeof v === 'string', backend: isId }, { ...baseOpt, key: (v) => typeof v === 'string' }),
    done: shape({ ...base, request: (v) => typeof v === 'string', backend: isId }, baseOpt),
};
/** The event itself when it is certainly valid, else undefined (meaning: ask zod). */
export function fastEvent(v) {
    if (!isObj(v) || typeof v.kind !== 'string')
        return undefined;
    const check = eventShapes[v.kind];
    return check !== undefined && check(v) ? v : undefined;
}
