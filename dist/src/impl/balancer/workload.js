/**
 * Deterministic balancer workloads: a seeded stream of picks (with keys), completions and
 * membership changes. The same spec always yields the same steps, so recorded traces are
 * reproducible byte for byte.
 */
import { nextRandom } from '../../../models/balancer/primitives.js';
export function* workloadSteps(spec) {
    let rng = (spec.seed ^ 0x5bd1e995) >>> 0;
    const draw = () => {
        const r = nextRandom(rng);
        rng = r.state;
        return r.value;
    };
    const open = [];
    const finishOne = () => {
        const i = Math.floor(draw() * open.length);
        const [request] = open.splice(i, 1);
        return { op: 'done', request };
    };
    const changes = [...spec.changes].sort((a, b) => a.atPick - b.atPick);
    let c = 0;
    for (let p = 0; p < spec.picks; p++) {
        while (c < changes.length && changes[c].atPick === p)
            yield { op: 'membership', backends: changes[c++].backends };
        const request = `r${p}`;
        yield { op: 'pick', request, key: `k${Math.floor(draw() * spec.keys)}` };
        if (spec.completions === false)
            continue;
        open.push(request);
        while (open.length > spec.maxInflight || (open.length > 0 && draw() < 0.45))
            yield finishOne();
    }
    while (open.length > 0)
        yield finishOne();
}
/** Backends b1..bn with the given weights (default 1). */
export function backendsOf(n, weights = []) {
    return Array.from({ length: n }, (_, i) => ({ id: `b${i + 1}`, weight: weights[i] ?? 1 }));
}
/** The standard churn: drop one backend a third of the way in, add a new one at two thirds. */
export function standardChanges(backends, picks, dropIndex = 1) {
    const afterDrop = backends.filter((_, i) => i !== dropIndex);
    const added = { id: `b${backends.length + 1}`, weight: backends[dropIndex]?.weight ?? 1 };
    return [
        { atPick: Math.floor(picks / 3), backends: afterDrop },
        { atPick: Math.floor((2 * picks) / 3), backends: [...afterDrop, added] },
    ];
}
