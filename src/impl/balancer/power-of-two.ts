/**
 * Power of two choices: sample two distinct backends uniformly and send the request to the
 * one with fewer in-flight requests per unit of weight (the first sampled on a tie).
 */
import { randomIndex } from '../../../models/balancer/primitives.ts';
import { InflightTable } from './inflight.ts';
import { NoBackendsError, pickable, type Backend, type Balancer, type Decision } from './types.ts';

export class PowerOfTwoChoices implements Balancer {
  readonly policy = 'power-of-two' as const;
  private backends: Backend[];
  private readonly inflight = new InflightTable();
  private state: number;

  constructor(backends: readonly Backend[], seed: number) {
    this.backends = pickable(backends);
    this.state = seed >>> 0;
  }

  /** Two distinct indices (or the only one twice when there is a single backend). */
  protected sample(): [number, number] {
    const n = this.backends.length;
    const a = randomIndex(this.state, n);
    if (n === 1) { this.state = a.state; return [0, 0]; }
    const b = randomIndex(a.state, n - 1);
    this.state = b.state;
    return [a.index, b.index >= a.index ? b.index + 1 : b.index];
  }

  protected get size(): number {
    return this.backends.length;
  }

  protected load(b: Backend): number {
    return this.inflight.count(b.id) / b.weight;
  }

  protected choose(a: Backend, b: Backend): Backend {
    return this.load(b) < this.load(a) ? b : a;
  }

  pick(request: string): Decision {
    if (this.backends.length === 0) throw new NoBackendsError();
    const [i, j] = this.sample();
    const a = this.backends[i];
    const b = this.backends[j];
    const chosen = this.choose(a, b);
    this.inflight.start(request, chosen.id);
    return { backend: chosen.id, candidates: [a.id, b.id] };
  }

  done(request: string): void {
    this.inflight.finish(request);
  }

  setBackends(backends: readonly Backend[]): void {
    this.backends = pickable(backends);
  }
}
