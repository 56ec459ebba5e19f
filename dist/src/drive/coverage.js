import { fingerprint } from '../explore/fingerprint.js';
import { search } from '../explore/search.js';
import { modelAfter, stepsFrom } from './steps.js';
const fpKey = (v, fp) => {
    fingerprint(v, 0, v.length, fp);
    return fp.hi * 0x100000000 + fp.lo;
};
export function coveragePlan(system, opts = {}) {
    const maxLen = opts.maxPathLength ?? 200;
    const explored = search(system, { strategy: 'bfs', maxDepth: opts.maxDepth, continueAfterViolation: true });
    const { store } = explored;
    const fp = { hi: 0, lo: 0 };
    const index = new Map();
    const vectors = [];
    for (let i = 0; i < store.size; i++) {
        const v = store.read(i);
        vectors.push(v);
        index.set(fpKey(v, fp), i);
    }
    const edges = vectors.map((v, i) => {
        const out = [];
        for (const step of stepsFrom(system, v)) {
            if (step.kind === 'ignored') {
                out.push({ step, target: i });
                continue;
            }
            let target = -1;
            system.successors(v, (action, next) => {
                if (target === -1 && action === step.action)
                    target = index.get(fpKey(next, fp)) ?? -1;
            });
            // Targets beyond the depth bound were never stored: keep the edge, stop there.
            out.push({ step, target });
        }
        return out;
    });
    const taken = edges.map((es) => new Uint8Array(es.length));
    const untaken = edges.map((es) => es.length);
    const total = edges.reduce((n, es) => n + es.length, 0);
    const prefix = (state) => {
        const ids = store.pathTo(state);
        return {
            steps: ids.slice(1).map((i) => ({ kind: 'model', action: store.action(i) })),
            states: ids.slice(1).map((i) => vectors[i]),
        };
    };
    const paths = [];
    for (let start = 0; start < vectors.length; start++) {
        while (untaken[start] > 0) {
            const path = prefix(start);
            let at = start;
            while (path.steps.length < maxLen) {
                const k = taken[at].indexOf(0);
                if (k < 0)
                    break;
                taken[at][k] = 1;
                untaken[at]--;
                const e = edges[at][k];
                path.steps.push(e.step);
                if (e.target < 0) {
                    path.states.push(modelAfter(system, vectors[at], e.step));
                    break;
                }
                path.states.push(vectors[e.target]);
                at = e.target;
            }
            paths.push(path);
        }
    }
    return {
        states: vectors.length,
        edges: total,
        paths,
        shortestTo(state, edge) {
            const p = prefix(state);
            const e = edges[state][edge];
            p.steps.push(e.step);
            p.states.push(e.target < 0 ? modelAfter(system, vectors[state], e.step) : vectors[e.target]);
            return p;
        },
        edgeOf(v, step) {
            const state = index.get(fpKey(v, fp));
            if (state === undefined)
                return null;
            const key = JSON.stringify(step);
            const edge = edges[state].findIndex((e) => JSON.stringify(e.step) === key);
            return edge < 0 ? null : { state, edge };
        },
    };
}
