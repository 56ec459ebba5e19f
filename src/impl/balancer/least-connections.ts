/**
 * Least connections: the backend with the fewest in-flight requests per unit of weight
 * (weight 0: drained, never picked). Ties go to the tied backend chosen least recently
 * (never chosen first, then membership order), which shares ties evenly whatever the tie
 * sets are. (A scan from a rotating start, the earlier rule, is not even: with ties between
 * b1 and b2 only, out of four backends, b1 wins three in four; lc-tie-fairness catches it.)
 */
import { InflightTable } from './inflight.ts';
import { NoBackendsError, pickable, type Backend, type Balancer, type Decision } from './types.ts';

export class LeastConnections implements Balancer {
  readonly policy = 'least-connections' as const;
  private backends: Backend[];
  private readonly inflight = new InflightTable();
  /** Pick number at which each backend was last chosen. */
  private readonly lastChosen = new Map<string, number>();
  private picks = 0;

  constructor(backends: readonly Backend[]) {
    this.backends = pickable(backends);
  }

  pick(request: string): Decision {
    if (this.backends.length === 0) throw new NoBackendsError();
    let best: Backend | undefined;
    let bestLoad = Infinity;
    for (const b of this.backends) {
      const load = this.inflight.count(b.id) / b.weight;
      const older = best !== undefined && load === bestLoad && (this.lastChosen.get(b.id) ?? -1) < (this.lastChosen.get(best.id) ?? -1);
      if (load < bestLoad || older) { best = b; bestLoad = load; }
    }
    this.lastChosen.set(best!.id, this.picks++);
    this.inflight.start(request, best!.id);
    return { backend: best!.id };
  }

  done(request: string): void {
    this.inflight.finish(request);
  }

  setBackends(backends: readonly Backend[]): void {
    this.backends = pickable(backends);
  }
}
