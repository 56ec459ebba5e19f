/** lc-tie-fairness: a uniform tie-break passes, a rotating-start scan (the kit's former rule) and first-tied are caught. */
import { describe, expect, it } from 'vitest';
import { policies } from '../../../src/impl/balancer/index.ts';
import { InflightTable } from '../../../src/impl/balancer/inflight.ts';
import { mutantTrace } from '../../../src/impl/balancer/corpus.ts';
import { mutants } from '../../../src/impl/balancer/mutants.ts';
import type { Backend, Balancer, Decision } from '../../../src/impl/balancer/types.ts';
import type { TraceLine } from '../../schema/writer.ts';
import { traceHeader } from '../../schema/header.ts';
import { verdictOn } from './trace-builder.ts';

/** The kit's former tie-break: scan from a rotating start, keep the first strict minimum. */
class RotatingScan implements Balancer {
  readonly policy = 'least-connections' as const;
  private readonly inflight = new InflightTable();
  private start = 0;
  constructor(private readonly backends: Backend[]) {}
  pick(request: string): Decision {
    const n = this.backends.length;
    let best = this.backends[this.start % n];
    for (let k = 1; k < n; k++) {
      const b = this.backends[(this.start + k) % n];
      if (this.inflight.count(b.id) / b.weight < this.inflight.count(best.id) / best.weight) best = b;
    }
    this.start = (this.start + 1) % n;
    this.inflight.start(request, best.id);
    return { backend: best.id };
  }
  done(request: string): void { this.inflight.finish(request); }
  setBackends(): void {}
}

/** Four backends; b3 and b4 are slow (two requests each never finish), b1 and b2 answer at
 * once: every later pick is a tie between b1 and b2 only. */
function slowPair(b: Balancer, rounds: number): TraceLine[] {
  const backends = ['b1', 'b2', 'b3', 'b4'].map((id) => ({ id, weight: 1 }));
  const lines: TraceLine[] = [traceHeader('balancer', { policy: 'least-connections', backends }, { name: 't' })];
  let seq = 0;
  const open: [string, string][] = [];
  for (let i = 0; i < 8; i++) {
    const d = b.pick(`w${i}`);
    lines.push({ seq: seq++, node: 'lb', kind: 'pick', request: `w${i}`, backend: d.backend });
    open.push([`w${i}`, d.backend]);
  }
  for (const [request, backend] of open.filter(([, id]) => id === 'b1' || id === 'b2')) {
    b.done(request);
    lines.push({ seq: seq++, node: 'lb', kind: 'done', request, backend });
  }
  for (let i = 0; i < rounds; i++) {
    const d = b.pick(`r${i}`);
    lines.push({ seq: seq++, node: 'lb', kind: 'pick', request: `r${i}`, backend: d.backend });
    b.done(`r${i}`);
    lines.push({ seq: seq++, node: 'lb', kind: 'done', request: `r${i}`, backend: d.backend });
  }
  return lines;
}

describe('lc-tie-fairness', () => {
  const backends = ['b1', 'b2', 'b3', 'b4'].map((id) => ({ id, weight: 1 }));

  it('the kit (uniform tie-break) passes 400 ties between b1 and b2 only', () => {
    const v = verdictOn(slowPair(policies['least-connections'](backends, 7), 400), 'lc-tie-fairness');
    expect(v.status).toBe('pass');
  });

  it('a rotating-start scan wins 3 in 4 of those ties for b1 and is caught; so is first-tied on the standard workload', () => {
    const v = verdictOn(slowPair(new RotatingScan(backends), 400), 'lc-tie-fairness');
    expect(v.status).toBe('fail');
    expect(v.violations[0].message).toMatch(/^b1 won 3\d\d of the 4\d\d ties/);
    expect(verdictOn(mutantTrace(mutants.find((m) => m.name === 'lc-first-tied')!), 'lc-tie-fairness').status).toBe('fail');
  });

  it('skips 10 ties: too few for any backend to exceed its bound (minimum sample)', () => {
    const v = verdictOn(slowPair(new RotatingScan(backends), 10), 'lc-tie-fairness');
    expect(v.status).toBe('skip');
    expect(v.note).toMatch(/minimum sample/);
  });
});
