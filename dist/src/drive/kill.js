/**
 * Mutation kill rate. Each implementation mutant is driven through the path modes in
 * turn (random walks, fast-check schedules, coverage) until one diverges, and if none
 * does, judged by its protocol's trace checkers when the binding offers that; balancer
 * mutants (src/impl/balancer/mutants.ts) are judged by their trace checkers, as that
 * module defines. The overall figure counts both.
 */
import { verifyTrace } from '../../conformance/checkers/run.js';
import { mutantTrace } from '../impl/balancer/corpus.js';
import { mutants as balancerMutants } from '../impl/balancer/mutants.js';
import { InProcessAdapter } from './in-process.js';
import { drive } from './modes.js';
const ORDER = [
    { mode: 'random', budget: 3000 },
    { mode: 'fastcheck', budget: 2000 },
    { mode: 'coverage' },
];
export async function killDriven(binding, mutantNames, seed = 1) {
    const results = [];
    for (const name of mutantNames) {
        let paths = 0;
        let hit = null;
        for (const { mode, budget } of binding.outsideModel?.(name) ? [] : ORDER) {
            const r = await drive(binding, new InProcessAdapter(name, binding.factory(name)), { mode, budget, seed, maxSteps: 60 });
            paths += r.paths;
            if (r.divergence) {
                hit = r;
                break;
            }
        }
        const d = hit?.divergence;
        if (!d && binding.judge) {
            const j = await binding.judge(name);
            results.push({ family: binding.protocol, name, killed: j.killed, by: j.by === null ? null : `trace: ${j.by}`, paths, detail: j.detail });
            continue;
        }
        results.push({
            family: binding.protocol, name, killed: !!d, by: hit?.mode ?? null, paths,
            detail: d ? `step ${d.step}: ${d.description}: ${d.what} differ` : 'survived every path mode',
        });
    }
    return results;
}
export function killBalancers() {
    return balancerMutants.map((m) => {
        const v = verifyTrace(mutantTrace(m)).verdicts.find((x) => x.property === m.breaks);
        const killed = v?.status === 'fail';
        return {
            family: 'balancer', name: m.name, killed, by: killed ? m.breaks : null, paths: 1,
            detail: killed ? (v?.violations[0]?.message ?? v?.note ?? m.breaks) : `${m.breaks} did not fail`,
        };
    });
}
export function summarize(results) {
    const killed = results.filter((r) => r.killed).length;
    return { results, killed, total: results.length, rate: results.length ? killed / results.length : 0 };
}
