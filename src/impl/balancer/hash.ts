/** Hash (modulo): hash32(key) mod N. Stable while membership is; remaps most keys when N changes. */
import { hash32 } from '../../../models/balancer/primitives.ts';
import { NoBackendsError, type Backend, type Balancer, type Decision } from './types.ts';

export class ModuloHash implements Balancer {
  readonly policy = 'hash' as const;
  private ids: string[];

  constructor(backends: readonly Backend[]) {
    this.ids = backends.map((b) => b.id);
  }

  pick(request: string, key?: string): Decision {
    if (this.ids.length === 0) throw new NoBackendsError();
    return { backend: this.ids[hash32(key ?? request) % this.ids.length] };
  }

  done(): void {}

  setBackends(backends: readonly Backend[]): void {
    this.ids = backends.map((b) => b.id);
  }
}
