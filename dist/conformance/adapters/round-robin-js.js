/**
 * round-robin-js (SequentialRoundRobin, RandomRoundRobin). next(); add(value) /
 * deleteByValue(cb) on membership change. RandomRoundRobin serves every item once per
 * round in a fresh random order (Math.random, seeded here), and is judged as the round
 * robin it is named for.
 */
import { createRequire } from 'node:module';
import { SeededMathRandom } from './seeded-random.js';
import { THIRD_PARTY_SEED, applyDiff, recordLibrary } from './workloads.js';
const lib = createRequire(import.meta.url)('round-robin-js');
class RoundRobinJsBalancer {
    policy = 'round-robin';
    random = new SeededMathRandom(THIRD_PARTY_SEED);
    rr;
    backends;
    constructor(kind, backends) {
        this.backends = backends;
        this.rr = new lib[kind](backends.map((b) => b.id));
    }
    pick() {
        const item = this.random.run(() => this.rr.next());
        if (item === null)
            throw new Error('round-robin-js returned no item');
        return { backend: item.value };
    }
    done() { }
    setBackends(next) {
        this.random.run(() => applyDiff(this.backends, next, (id) => this.rr.deleteByValue((v) => v === id), (b) => this.rr.add(b.id)));
        this.backends = next;
    }
}
const recording = (variant, file, notes) => ({
    library: 'round-robin-js', variant, file, policy: 'round-robin', notes,
    record: (version) => recordLibrary('round-robin-js', version, variant, 'round-robin', { membership: true }, (spec) => new RoundRobinJsBalancer(variant, spec.backends)),
});
export const roundRobinJsRecordings = [
    recording('SequentialRoundRobin', 'round-robin-js.jsonl', 'next(); deleteByValue / add on membership change'),
    recording('RandomRoundRobin', 'round-robin-js.random.jsonl', 'random order within each round (Math.random seeded); deleteByValue / add on membership change'),
];
