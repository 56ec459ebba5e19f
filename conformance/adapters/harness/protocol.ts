/**
 * The balancer protocol: JSON lines over stdio, one request per line and one reply per
 * line, in order (docs/balancer-protocol.md). `AdapterServer` is its library side for an
 * adapter written in TypeScript: the child process (child.ts) and the in-process host use
 * it, and a library in another language implements the same replies itself
 * (clients/python/coordkit_balancer/).
 */
import type { Backend, Capabilities, Change, LibraryAdapter, LibraryInstance } from './library.ts';
import { Rejected } from './library.ts';
import { SeededMathRandom, environmentSeed } from './seeded-random.ts';

export type Request =
  | { op: 'hello' }
  | { op: 'configure'; policy?: string; backends: Backend[]; seed: number; incarnation?: number }
  | { op: 'pick'; request: string; key?: string }
  | { op: 'done'; request: string }
  | { op: 'membership'; backends: Backend[]; change: Change }
  | { op: 'restart' };

export interface Hello {
  ok: true;
  library: string;
  variant: string;
  version: string;
  notes?: string;
  capabilities: Capabilities;
}

export type Reply =
  | { ok: true; backend?: string; candidates?: string[] }
  | { ok: false; rejected?: string; error?: string };

export class AdapterServer {
  private instance: LibraryInstance | null = null;
  private backends: Backend[] = [];
  private seed = 0;
  private incarnation = 0;
  private instances = 0;
  private env = new SeededMathRandom(0);

  /** `ownsProcess`: Math.random is replaced for good (a child process serving one
   * library); otherwise only around each call. */
  constructor(private readonly adapter: LibraryAdapter, private readonly ownsProcess: boolean) {}

  /** The entropy an instance gets: the scenario's seed for the first one, another for
   * each restarted instance and each fresh process (as real processes draw their own). */
  private instanceSeed(): number {
    return this.incarnation === 0 && this.instances === 0 ? this.seed : environmentSeed(this.seed + this.instances * 7919, this.incarnation);
  }

  private within<T>(fn: () => T): T {
    return this.ownsProcess ? fn() : this.env.run(fn);
  }

  private live(): LibraryInstance {
    if (this.instance === null) throw new Error('protocol: configure first');
    return this.instance;
  }

  handle(msg: Request): Reply | Hello {
    try {
      switch (msg.op) {
        case 'hello':
          return { ok: true, library: this.adapter.library, variant: this.adapter.variant, version: this.adapter.version(), notes: this.adapter.notes, capabilities: this.adapter.capabilities };
        case 'configure':
          this.env = new SeededMathRandom(environmentSeed(msg.seed, msg.incarnation ?? 0));
          if (this.ownsProcess) this.env.install();
          this.backends = msg.backends;
          this.seed = msg.seed;
          this.incarnation = msg.incarnation ?? 0;
          this.instances = 0;
          this.instance = null;
          this.instance = this.within(() => this.adapter.create(msg.backends.map((b) => ({ ...b })), this.instanceSeed()));
          return { ok: true };
        case 'restart':
          this.live();
          this.instance = null;
          this.instances++;
          this.instance = this.within(() => this.adapter.create(this.backends.map((b) => ({ ...b })), this.instanceSeed()));
          return { ok: true };
        case 'pick': {
          const instance = this.live();
          const d = this.within(() => instance.pick(msg.request, msg.key));
          if (d === null || typeof d !== 'object' || typeof d.backend !== 'string') return { ok: true };
          return d.candidates ? { ok: true, backend: d.backend, candidates: [...d.candidates] } : { ok: true, backend: d.backend };
        }
        case 'done': {
          const instance = this.live();
          this.within(() => instance.done(msg.request));
          return { ok: true };
        }
        case 'membership': {
          const instance = this.live();
          this.within(() => instance.membership(msg.backends.map((b) => ({ ...b })), msg.change));
          this.backends = msg.backends;
          return { ok: true };
        }
        default:
          return { ok: false, error: `protocol: unknown op ${JSON.stringify((msg as { op?: unknown }).op)}` };
      }
    } catch (err) {
      if (err instanceof Rejected) return { ok: false, rejected: err.message };
      const e = err as Error;
      return { ok: false, error: `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}` };
    }
  }
}
