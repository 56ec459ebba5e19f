/**
 * The balancer trace corpus: one passing trace per policy (from the correct
 * implementations) and one failing trace per mutant, named for the property it breaks.
 * `node bin/run-ts.mjs traces/balancer/generate.ts` writes it to traces/balancer/.
 */
import { policies } from './index.js';
import { mutants } from './mutants.js';
import { recordTrace } from './record.js';
import { backendsOf, standardChanges } from './workload.js';
export const CORPUS_SEED = 20240611;
/** Weights that exercise each policy (weighted policies get unequal ones). */
const policyWeights = {
    'weighted-round-robin': [5, 1, 3, 1],
    random: [3, 1, 1, 2],
};
/** The standard workload: 2000 picks over 200 keys, up to 12 in flight, drop one backend
 * at a third and add one at two thirds. */
export function standardSpec(weights = [1, 1, 1, 1], seed = CORPUS_SEED, picks = 2000) {
    const backends = backendsOf(weights.length, weights);
    return { backends, picks, keys: 200, maxInflight: 12, changes: standardChanges(backends, picks), seed };
}
export function mutantTrace(m, seed = CORPUS_SEED) {
    const spec = standardSpec(m.weights, seed);
    return recordTrace(m.create(spec.backends, seed), spec, {
        policy: m.claims,
        producer: { name: `coordkit mutant ${m.name}` },
        description: `mutant ${m.name}: ${m.description}`,
    });
}
export function corpus() {
    const passing = Object.keys(policies).map((policy) => ({
        file: `pass/${policy}.jsonl`, expect: 'pass', policy,
        lines: () => {
            const spec = standardSpec(policyWeights[policy]);
            return recordTrace(policies[policy](spec.backends, CORPUS_SEED), spec, {
                policy, producer: { name: 'coordkit impl' },
                description: `src/impl/balancer ${policy}: standard workload (2000 picks, drop b2 after a third, add b5 after two thirds)`,
            });
        },
    }));
    const failing = mutants.map((m) => ({
        file: `fail/${m.breaks}.${m.name}.jsonl`, expect: 'fail', policy: m.claims, breaks: m.breaks,
        lines: () => mutantTrace(m),
    }));
    return [...passing, ...failing];
}
