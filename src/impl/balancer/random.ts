/** Random: each pick draws a backend with probability proportional to its weight. */
import { nextRandom, weightedIndex } from '../../../models/balancer/primitives.ts';
import { NoBackendsError, pickable, type Backend, type Balancer, type Decision } from './types.ts';

export class RandomBalancer implements Balancer {
  readonly policy = 'random' as const;
  private backends: Backend[];
  private state: number;

  constructor(backends: readonly Backend[], seed: number) {
    this.backends = pickable(backends);
    this.state = seed >>> 0;
  }

  pick(): Decision {
    if (this.backends.length === 0) throw new NoBackendsError();
    const r = nextRandom(this.state);
    this.state = r.state;
    return { backend: this.backends[weightedIndex(this.backends.map((b) => b.weight), r.value)].id };
  }

  done(): void {}

  setBackends(backends: readonly Backend[]): void {
    this.backends = pickable(backends);
  }
}
