/** The fixed workloads third-party libraries are recorded under. */
import { backendsOf, standardChanges } from '../../src/impl/balancer/workload.js';
import { recordTrace } from '../../src/impl/balancer/record.js';
export const THIRD_PARTY_SEED = 424242;
export const THIRD_PARTY_PICKS = 2000;
export function thirdPartySpec(o) {
    const backends = backendsOf((o.weights ?? [1, 1, 1, 1]).length, o.weights);
    return {
        backends, picks: THIRD_PARTY_PICKS, keys: 200, maxInflight: 12, seed: THIRD_PARTY_SEED,
        changes: o.membership ? standardChanges(backends, THIRD_PARTY_PICKS) : [],
        completions: o.completions ?? true,
    };
}
/** Records `makeBalancer()`'s decisions under the workload, as `library@version`. */
export function recordLibrary(library, version, variant, policy, o, makeBalancer) {
    const spec = thirdPartySpec(o);
    const what = o.membership ? 'drop b2 after a third, add b5 after two thirds' : 'no membership change (unsupported)';
    return [...recordTrace(makeBalancer(spec), spec, {
            policy, producer: { name: library, version },
            description: `${library}@${version} ${variant}: ${spec.picks} picks over ${spec.keys} keys, ${what}`,
        })];
}
/** Adds and removes entries so that `current` matches `next`; calls back per difference. */
export function applyDiff(current, next, remove, add) {
    const nextIds = new Set(next.map((b) => b.id));
    const currentIds = new Set(current.map((b) => b.id));
    for (const b of current)
        if (!nextIds.has(b.id))
            remove(b.id);
    for (const b of next)
        if (!currentIds.has(b.id))
            add(b);
}
