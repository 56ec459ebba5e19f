/**
 * round-robin-js (SequentialRoundRobin, RandomRoundRobin). next(); add(value) /
 * deleteByValue(cb) on membership change. RandomRoundRobin serves every item once per
 * round in a fresh random order (Math.random, seeded here), and is judged as the round
 * robin it is named for.
 */
import { createRequire } from 'node:module';
import type { Backend, Balancer } from '../../src/impl/balancer/types.ts';
import { SeededMathRandom } from './seeded-random.ts';
import type { ThirdPartyRecording } from './types.ts';
import { THIRD_PARTY_SEED, applyDiff, recordLibrary } from './workloads.ts';

interface RoundRobin {
  add(value: string): unknown;
  deleteByValue(cb: (value: string) => boolean): number;
  next(): { key: number; value: string } | null;
}
const lib = createRequire(import.meta.url)('round-robin-js') as {
  SequentialRoundRobin: new (values?: string[]) => RoundRobin;
  RandomRoundRobin: new (values?: string[]) => RoundRobin;
};

class RoundRobinJsBalancer implements Balancer {
  readonly policy = 'round-robin' as const;
  private readonly random = new SeededMathRandom(THIRD_PARTY_SEED);
  private readonly rr: RoundRobin;
  private backends: readonly Backend[];
  constructor(kind: 'SequentialRoundRobin' | 'RandomRoundRobin', backends: readonly Backend[]) {
    this.backends = backends;
    this.rr = new lib[kind](backends.map((b) => b.id));
  }
  pick() {
    const item = this.random.run(() => this.rr.next());
    if (item === null) throw new Error('round-robin-js returned no item');
    return { backend: item.value };
  }
  done(): void {}
  setBackends(next: readonly Backend[]): void {
    this.random.run(() => applyDiff(this.backends, next, (id) => this.rr.deleteByValue((v) => v === id), (b) => this.rr.add(b.id)));
    this.backends = next;
  }
}

const recording = (variant: 'SequentialRoundRobin' | 'RandomRoundRobin', file: string, notes: string): ThirdPartyRecording => ({
  library: 'round-robin-js', variant, file, policy: 'round-robin', notes,
  record: (version) => recordLibrary('round-robin-js', version, variant, 'round-robin', { membership: true },
    (spec) => new RoundRobinJsBalancer(variant, spec.backends)),
});

export const roundRobinJsRecordings: ThirdPartyRecording[] = [
  recording('SequentialRoundRobin', 'round-robin-js.jsonl', 'next(); deleteByValue / add on membership change'),
  recording('RandomRoundRobin', 'round-robin-js.random.jsonl', 'random order within each round (Math.random seeded); deleteByValue / add on membership change'),
];
