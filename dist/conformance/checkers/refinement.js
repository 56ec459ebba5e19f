/**
 * Refinement against XState models: each node of the trace is replayed against its role's
 * machine, tracking every model state consistent with what the trace showed so far (a set
 * of candidates, since the trace does not reveal internal choices). Received messages are
 * fed as events and what the machine emits becomes "owed output"; a send or decide in the
 * trace must be owed by some candidate, possibly after a spontaneous step the role allows
 * (e.g. a proposer starting a round). The first event no candidate allows is the violation.
 *
 * Uses the pure API only (initialTransition / transition). Transitions are memoized per
 * (state, event) in a bounded cache: XState builds an actor scope per call, so a repeated
 * step is much cheaper from the cache.
 */
import { transition } from 'xstate';
const stateKeyOf = (s) => JSON.stringify([s.value, s.context, s.status]);
const MEMO_LIMIT = 50_000;
const CANDIDATE_LIMIT = 64;
export class NodeReplay {
    role;
    candidates;
    memo = new Map();
    constructor(role, initial) {
        this.role = role;
        this.candidates = initial.map((snap) => ({ snap, stateKey: stateKeyOf(snap), owed: [] }));
    }
    get size() { return this.candidates.length; }
    step(snap, stateKey, event) {
        const memoKey = `${stateKey}\u0000${JSON.stringify(event)}`;
        const hit = this.memo.get(memoKey);
        if (hit)
            return hit;
        const [next, actions] = transition(this.role.machine, snap, event);
        const owed = [];
        for (const a of actions) {
            if (a.type !== 'xstate.emit')
                continue;
            const o = this.role.owes(a.params.event);
            if (o)
                owed.push(o);
        }
        const result = { snap: next, stateKey: next === snap ? stateKey : stateKeyOf(next), owed };
        if (this.memo.size >= MEMO_LIMIT)
            this.memo.clear();
        this.memo.set(memoKey, result);
        return result;
    }
    /** Feeds one trace event at this node; returns a reason if no candidate allows it. */
    apply(e) {
        if (e.kind === 'receive') {
            const ev = this.role.received(e);
            if (!ev)
                return undefined;
            this.candidates = this.candidates.map((c) => {
                const r = this.step(c.snap, c.stateKey, ev);
                return { snap: r.snap, stateKey: r.stateKey, owed: r.owed.length ? [...c.owed, ...r.owed] : c.owed };
            });
            this.dedupe();
            return undefined;
        }
        if (this.role.narrow) {
            const verdicts = this.candidates.map((c) => this.role.narrow(c, e));
            if (verdicts.some((v) => v !== undefined)) {
                const kept = this.candidates.filter((_, i) => verdicts[i] === true);
                if (kept.length === 0)
                    return `the model allows no state in which ${describe(e)}`;
                this.candidates = kept;
                return undefined;
            }
        }
        const claim = this.role.claims(e);
        if (!claim)
            return undefined;
        const next = [];
        for (const c of this.candidates) {
            const paid = pay(c, claim);
            if (paid) {
                next.push(paid);
                continue;
            }
            for (const s of this.role.spontaneous?.(c, claim, e) ?? []) {
                const r = this.step(s.snap, stateKeyOf(s.snap), s.event);
                const after = pay({ snap: r.snap, stateKey: r.stateKey, owed: [...c.owed, ...r.owed] }, claim);
                if (after)
                    next.push(after);
            }
        }
        if (next.length === 0)
            return `the model does not allow ${describe(e)} here`;
        this.candidates = next;
        this.dedupe();
        return undefined;
    }
    dedupe() {
        if (this.candidates.length < 2)
            return;
        const seen = new Map();
        for (const c of this.candidates) {
            const k = `${c.stateKey}\u0000${JSON.stringify(c.owed)}`;
            if (!seen.has(k))
                seen.set(k, c);
        }
        this.candidates = [...seen.values()].slice(0, CANDIDATE_LIMIT);
    }
}
/** The candidate after the claim is taken out of what it owes, or null if it does not owe it. */
function pay(c, claim) {
    for (let i = 0; i < c.owed.length; i++) {
        const o = c.owed[i];
        if (o.key !== claim.key || !claim.to.every((t) => o.to.includes(t)))
            continue;
        const left = o.to.filter((t) => !claim.to.includes(t));
        const owed = [...c.owed.slice(0, i), ...(left.length > 0 ? [{ key: o.key, to: left }] : []), ...c.owed.slice(i + 1)];
        return { ...c, owed };
    }
    return null;
}
function describe(e) {
    switch (e.kind) {
        case 'send': return `${e.node} sending ${JSON.stringify(e.msg)} to ${[e.to].flat().join(', ')}`;
        case 'decide': return `${e.node} deciding ${JSON.stringify(e.value)}`;
        case 'propose': return `${e.node} proposing ${JSON.stringify(e.value)}`;
        default: return `${e.node}: ${e.kind}`;
    }
}
