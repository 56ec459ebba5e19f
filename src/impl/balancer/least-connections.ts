/**
 * Least connections: the backend with the fewest in-flight requests per unit of weight.
 * Ties go round robin (scanning from a rotating start) so equal backends share the load.
 */
import { InflightTable } from './inflight.ts';
import { NoBackendsError, type Backend, type Balancer, type Decision } from './types.ts';

export class LeastConnections implements Balancer {
  readonly policy = 'least-connections' as const;
  private backends: Backend[];
  private readonly inflight = new InflightTable();
  private start = 0;

  constructor(backends: readonly Backend[]) {
    this.backends = [...backends];
  }

  pick(request: string): Decision {
    const n = this.backends.length;
    if (n === 0) throw new NoBackendsError();
    let best: Backend | undefined;
    for (let k = 0; k < n; k++) {
      const b = this.backends[(this.start + k) % n];
      if (!best || this.inflight.count(b.id) / b.weight < this.inflight.count(best.id) / best.weight) best = b;
    }
    this.start = (this.start + 1) % n;
    this.inflight.start(request, best!.id);
    return { backend: best!.id };
  }

  done(request: string): void {
    this.inflight.finish(request);
  }

  setBackends(backends: readonly Backend[]): void {
    this.backends = [...backends];
    this.start = 0;
  }
}
