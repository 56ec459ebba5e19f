/** Comparing what a node emitted and what state it shows with what the model expects. */
import { canonicalJson } from '../explore/canonical.js';
/**
 * Outputs as a sorted multiset of canonical strings: a send to several recipients counts
 * once per recipient, so implementations may batch or split sends as they like.
 */
export function normalizeOutputs(outputs, json = canonicalJson) {
    const out = [];
    for (const o of outputs) {
        if (o.type === 'send') {
            const to = Array.isArray(o.to) ? o.to : [o.to];
            for (const t of to)
                out.push(`send to ${String(t)}: ${json(o.msg)}`);
        }
        else {
            const { type, ...rest } = o;
            out.push(`${type}: ${json(rest)}`);
        }
    }
    return out.sort();
}
export const sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
export const sameView = (a, b) => canonicalJson(a) === canonicalJson(b);
/** Plain JSON: equal to canonical JSON whenever both sides build objects in the same key order. */
export const plainJson = (x) => JSON.stringify(x) ?? 'null';
