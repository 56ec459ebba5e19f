import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { Policy } from '../../../src/impl/balancer/types.ts';
import { policies } from '../../../src/impl/balancer/index.ts';
import { recordTrace, type TraceLine } from '../../../src/impl/balancer/record.ts';
import { backendsOf, type WorkloadSpec } from '../../../src/impl/balancer/workload.ts';
import { UserError } from '../../schema/user-error.ts';
import { verifyTrace } from '../run.ts';
import { readTraceTextSync } from '../../schema/reader.ts';
import { balancerCheckers } from './index.ts';
import type { BalancerHeader } from './base.ts';
import { traceHeader } from '../../schema/header.ts';

type Ev = { kind: 'pick'; backend: string; key?: string; request?: string; candidates?: string[] } | { kind: 'done'; request: string; backend: string } | { kind: 'membership'; ids: string[] };

function trace(policy: Policy, ids: string[], events: Ev[], weights: number[] = []): TraceLine[] {
  const lines: TraceLine[] = [traceHeader('balancer', { policy, backends: ids.map((id, i) => ({ id, weight: weights[i] ?? 1 })) }, { name: 'test' })];
  let r = 0;
  events.forEach((e, seq) => {
    if (e.kind === 'pick') lines.push({ seq, node: 'lb', kind: 'pick', request: e.request ?? `r${r++}`, backend: e.backend, ...(e.key ? { key: e.key } : {}), ...(e.candidates ? { candidates: e.candidates } : {}) });
    else if (e.kind === 'done') lines.push({ seq, node: 'lb', kind: 'done', request: e.request, backend: e.backend });
    else lines.push({ seq, node: 'lb', kind: 'membership', backends: e.ids.map((id) => ({ id, weight: 1 })) });
  });
  return lines;
}

const status = (lines: Iterable<TraceLine>, property: string) => {
  const v = verifyTrace(lines).verdicts.find((x) => x.property === property);
  if (!v) throw new Error(`no verdict for ${property}`);
  return v.status;
};

const picks = (backends: string[]): Ev[] => backends.map((backend) => ({ kind: 'pick', backend }));

/** A correct round-robin pick sequence: a cyclic order, any start, any length. */
const rrArb = (minCycles: number) => fc.integer({ min: 2, max: 7 }).chain((n) => fc.record({
  ids: fc.shuffledSubarray(Array.from({ length: n }, (_, i) => `b${i}`), { minLength: n, maxLength: n }),
  start: fc.nat({ max: n - 1 }),
  length: fc.integer({ min: minCycles * n, max: 6 * n }),
}));
const rrSequence = ({ ids, start, length }: { ids: string[]; start: number; length: number }) =>
  Array.from({ length }, (_, i) => ids[(start + i) % ids.length]);

describe('round robin', () => {
  test.prop([rrArb(1)])('any correct round-robin sequence passes', (rr) => {
    const seq = rrSequence(rr);
    expect(status(trace('round-robin', [...rr.ids].sort(), picks(seq)), 'round-robin-order')).toBe('pass');
  });

  // Two full cycles pin the order down: every pick then has a partner N picks away.
  test.prop([rrArb(2), fc.nat(), fc.nat()])('any swap of two different picks is caught', (rr, x, y) => {
    const seq = rrSequence(rr);
    const i = x % seq.length;
    const j = y % seq.length;
    fc.pre(seq[i] !== seq[j]);
    [seq[i], seq[j]] = [seq[j], seq[i]];
    expect(status(trace('round-robin', [...rr.ids].sort(), picks(seq)), 'round-robin-order')).toBe('fail');
  });

  // A full cycle before the change shows the order that the survivors must keep.
  test.prop([fc.integer({ min: 3, max: 6 }), fc.nat(), fc.integer({ min: 6, max: 40 }), fc.integer({ min: 0, max: 100 })])(
    'the reference implementation passes any membership change; skipping a survivor is caught', (n, dropSeed, before, after) => {
      const backends = backendsOf(n);
      const drop = dropSeed % n;
      const spec: WorkloadSpec = {
        backends, picks: before + after + n, keys: 1, maxInflight: 1, seed: 1,
        changes: [{ atPick: before, backends: backends.filter((_, i) => i !== drop) }],
      };
      const lines = [...recordTrace(policies['round-robin'](backends, 1), spec, { policy: 'round-robin', producer: { name: 't' } })];
      expect(status(lines, 'round-robin-membership')).toBe('pass');
      // Skip the first survivor served after the change.
      const firstAfter = lines.findIndex((l) => 'kind' in l && l.kind === 'membership') + 1;
      const picked = lines.slice(firstAfter).filter((l) => 'kind' in l && l.kind === 'pick') as Extract<TraceLine, { kind: 'pick' }>[];
      const skipped = picked.slice(1).map((l) => l.backend);
      const mutated = [...lines.slice(0, firstAfter).filter((l) => !('kind' in l) || l.kind !== 'done')];
      const rest = skipped.map((b, k) => ({ seq: 100000 + k, node: 'lb', kind: 'pick' as const, request: `x${k}`, backend: b }));
      expect(status([...mutated, ...rest], 'round-robin-membership')).toBe('fail');
    });

  it('a newcomer that never gets a turn is caught', () => {
    const seq: Ev[] = [...picks(['a', 'b', 'a', 'b']), { kind: 'membership', ids: ['a', 'b', 'c'] }, ...picks(['a', 'b', 'a', 'b'])];
    expect(status(trace('round-robin', ['a', 'b'], seq), 'round-robin-membership')).toBe('fail');
  });
});

describe('weighted round robin', () => {
  const wrrArb = fc.record({
    weights: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 5 }),
    periods: fc.integer({ min: 3, max: 6 }),
  });
  const smooth = (weights: number[], n: number) => {
    const b = policies['weighted-round-robin'](backendsOf(weights.length, weights), 0);
    return Array.from({ length: n }, (_, i) => b.pick(`r${i}`).backend);
  };

  test.prop([wrrArb])('smooth WRR passes with any weights', ({ weights, periods }) => {
    const total = weights.reduce((a, w) => a + w, 0);
    const seq = smooth(weights, total * periods);
    expect(status(trace('weighted-round-robin', backendsOf(weights.length).map((b) => b.id), picks(seq), weights), 'wrr-proportions')).toBe('pass');
  });

  // Any pick at least one period from either end lies in a full window of every phase.
  test.prop([wrrArb, fc.nat(), fc.nat()])('replacing any pick with another backend is caught', ({ weights, periods }, x, y) => {
    const total = weights.reduce((a, w) => a + w, 0);
    const seq = smooth(weights, total * periods);
    const i = total + (x % (seq.length - 2 * total));
    const other = `b${(y % weights.length) + 1}`;
    fc.pre(seq[i] !== other);
    seq[i] = other;
    expect(status(trace('weighted-round-robin', backendsOf(weights.length).map((b) => b.id), picks(seq), weights), 'wrr-proportions')).toBe('fail');
  });

  it('reports the longest burst', () => {
    const v = verifyTrace(trace('weighted-round-robin', ['a', 'b'], picks(['a', 'a', 'a', 'b', 'a', 'a', 'a', 'b']), [3, 1]))
      .verdicts.find((x) => x.property === 'wrr-proportions')!;
    expect(v.status).toBe('pass');
    expect(v.figures.longestBurst).toBe(3);
  });
});

describe('least connections and power of two', () => {
  const lcArb = fc.record({ seed: fc.nat(), n: fc.integer({ min: 2, max: 6 }), picks: fc.integer({ min: 10, max: 200 }) });
  const record = (policy: Policy, { seed, n, picks: p }: { seed: number; n: number; picks: number }) => {
    const backends = backendsOf(n);
    return [...recordTrace(policies[policy](backends, seed), { backends, picks: p, keys: 1, maxInflight: 2 * n, seed, changes: [] }, { policy, producer: { name: 't' } })];
  };

  test.prop([lcArb])('least connections passes; sending one pick elsewhere when loads differ is caught', (a) => {
    const lines = record('least-connections', a);
    expect(status(lines, 'least-connections')).toBe('pass');
    // Replay to find a pick where another backend was strictly more loaded, and send it there.
    const load = new Map<string, number>();
    const where = new Map<string, string>();
    for (let i = 1; i < lines.length; i++) {
      const l = lines[i] as Extract<TraceLine, { seq: number }>;
      if (l.kind === 'pick') {
        const worse = [...load.entries()].find(([id, c]) => c > (load.get(l.backend) ?? 0) && id !== l.backend);
        if (worse) {
          const mutated = lines.map((x, k) => (k === i ? { ...l, backend: worse[0] } : x));
          // Later dones name the original backend; drop them so only the pick differs.
          const clean = mutated.filter((x) => !('kind' in x && x.kind === 'done' && x.request === l.request));
          expect(status(clean, 'least-connections')).toBe('fail');
          return;
        }
        load.set(l.backend, (load.get(l.backend) ?? 0) + 1);
        where.set(l.request, l.backend);
      } else if (l.kind === 'done') {
        const b = where.get(l.request)!;
        load.set(b, load.get(b)! - 1);
      }
    }
  });

  test.prop([lcArb])('power of two passes; choosing the other candidate when loads differ is caught', (a) => {
    const lines = record('power-of-two', a);
    expect(status(lines, 'p2c-less-loaded')).toBe('pass');
    const load = new Map<string, number>();
    const where = new Map<string, string>();
    for (let i = 1; i < lines.length; i++) {
      const l = lines[i] as Extract<TraceLine, { seq: number }>;
      if (l.kind === 'pick') {
        const [c1, c2] = l.candidates!;
        const other = c1 === l.backend ? c2 : c1;
        if ((load.get(other) ?? 0) !== (load.get(l.backend) ?? 0)) {
          const mutated = lines.map((x, k) => (k === i ? { ...l, backend: other } : x))
            .filter((x) => !('kind' in x && x.kind === 'done' && x.request === l.request));
          expect(status(mutated, 'p2c-less-loaded')).toBe('fail');
          return;
        }
        load.set(l.backend, (load.get(l.backend) ?? 0) + 1);
        where.set(l.request, l.backend);
      } else if (l.kind === 'done') {
        const b = where.get(l.request)!;
        load.set(b, load.get(b)! - 1);
      }
    }
  });

  it('skips power of two when picks do not name their candidates', () => {
    expect(status(trace('power-of-two', ['a', 'b'], picks(['a', 'b'])), 'p2c-less-loaded')).toBe('skip');
  });
});

describe('hashing', () => {
  const keysArb = fc.record({ n: fc.integer({ min: 3, max: 8 }), keys: fc.integer({ min: 50, max: 300 }), drop: fc.nat() });
  const keyed = (policy: Policy, { n, keys, drop }: { n: number; keys: number; drop: number }) => {
    const backends = backendsOf(n);
    const spec: WorkloadSpec = { backends, picks: keys * 3, keys, maxInflight: 4, seed: 3, changes: [{ atPick: keys * 2, backends: backends.filter((_, i) => i !== drop % n) }] };
    return [...recordTrace(policies[policy](backends, 3), spec, { policy, producer: { name: 't' } })];
  };

  test.prop([keysArb])('consistent hashing passes and moves about 1/N of the keys', (a) => {
    const r = verifyTrace(keyed('consistent-hash', a)).verdicts;
    expect(r.find((v) => v.property === 'hash-stable')!.status).toBe('pass');
    const m = r.find((v) => v.property === 'consistent-hash-movement')!;
    expect(m.status).toBe('pass');
    expect(m.figures.movedBetweenSurvivors).toBe(0);
  });

  test.prop([keysArb])('modulo hashing presented as consistent hashing is caught', (a) => {
    const lines = keyed('hash', a).map((l) => ('type' in l && l.type === 'header' && l.protocol === 'balancer' ? { ...l, config: { ...l.config, policy: 'consistent-hash' as const } } : l));
    expect(status(lines, 'consistent-hash-movement')).toBe('fail');
  });

  test.prop([keysArb, fc.nat()])('a key sent to another backend with stable membership is caught', (a, pickIndex) => {
    const lines = keyed('hash', a);
    const pickLines = lines.map((l, i) => [l, i] as const).filter(([l]) => 'kind' in l && l.kind === 'pick');
    // Find a pick whose key is picked again later in the same segment, and divert the later one.
    const [first] = pickLines[pickIndex % Math.floor(pickLines.length / 3)];
    const key = (first as Extract<TraceLine, { kind: 'pick' }>).key;
    const later = pickLines.find(([l, i]) => i > lines.indexOf(first) && (l as Extract<TraceLine, { kind: 'pick' }>).key === key && i < lines.findIndex((x) => 'kind' in x && x.kind === 'membership'));
    fc.pre(later !== undefined);
    const [l, i] = later!;
    const p = l as Extract<TraceLine, { kind: 'pick' }>;
    const other = p.backend === 'b1' ? 'b2' : 'b1';
    const mutated = lines.map((x, k) => (k === i ? { ...p, backend: other } : x)).filter((x) => !('kind' in x && x.kind === 'done' && x.request === p.request));
    expect(status(mutated, 'hash-stable')).toBe('fail');
  });
});

describe('random', () => {
  const record = (seed: number, weights: number[]) => {
    const backends = backendsOf(weights.length, weights);
    return [...recordTrace(policies.random(backends, seed), { backends, picks: 3000, keys: 1, maxInflight: 1, seed, changes: [] }, { policy: 'random', producer: { name: 't' } })];
  };

  it('a seeded weighted random balancer passes both tests for fixed seeds', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const lines = record(seed, [3, 1, 1, 2]);
      expect(status(lines, 'random-uniformity')).toBe('pass');
      expect(status(lines, 'random-independence')).toBe('pass');
    }
  });

  it('relabelled weights (wrong shares) fail uniformity; a rotation fails independence', () => {
    const lines = record(1, [3, 1, 1, 2]).map((l) => ('type' in l && l.type === 'header' && l.protocol === 'balancer'
      ? { ...l, config: { ...l.config, backends: l.config.backends.map((b) => ({ ...b, weight: 1 })) } } : l));
    expect(status(lines, 'random-uniformity')).toBe('fail');
    const rotation = picks(Array.from({ length: 600 }, (_, i) => ['a', 'b', 'c'][i % 3]));
    const t = trace('random', ['a', 'b', 'c'], rotation);
    expect(status(t, 'random-uniformity')).toBe('pass');
    expect(status(t, 'random-independence')).toBe('fail');
  });

  it('reports the p-value and the sample size needed', () => {
    const v = verifyTrace(record(9, [1, 1, 1, 1])).verdicts.find((x) => x.property === 'random-uniformity')!;
    expect(v.figures.pValue).toBeGreaterThan(0.001);
    expect(v.figures.picksToDetect10pctSkew).toBeGreaterThan(1000);
    expect(v.figures.detectableSkew).toBeGreaterThan(0);
  });
});

describe('aggregate and validity', () => {
  it('computes Jain, CV and max/mean against fair shares, and fails a lopsided spread', () => {
    const rotation = (n: number) => picks(Array.from({ length: n }, (_, i) => ['a', 'b'][i % 2]));
    const even = verifyTrace(trace('round-robin', ['a', 'b'], rotation(40))).verdicts.find((v) => v.property === 'aggregate')!;
    expect(even.status).toBe('pass');
    expect(even.figures.jainIndex).toBe(1);
    const lopsided = verifyTrace(trace('round-robin', ['a', 'b', 'c'], picks([...Array(50).fill('a'), ...Array(10).fill('b'), ...Array(10).fill('c')]))).verdicts.find((v) => v.property === 'aggregate')!;
    expect(lopsided.status).toBe('fail');
    expect(lopsided.figures.maxOverMean).toBeGreaterThan(2);
  });

  it('flags picks of removed backends and dones of unknown requests', () => {
    const t = trace('round-robin', ['a', 'b'], [{ kind: 'membership', ids: ['a'] }, { kind: 'pick', backend: 'b' }, { kind: 'done', request: 'nope', backend: 'a' }]);
    const v = verifyTrace(t).verdicts.find((x) => x.property === 'pick-validity')!;
    expect(v.status).toBe('fail');
    expect(v.violations.map((x) => x.line)).toEqual([3, 4]);
    expect(v.violations[0].window!.at(-1)!.line).toBe(3);
  });

  it('rejects malformed lines with a UserError naming line and field, through the shared reader', () => {
    const header = JSON.stringify(trace('round-robin', ['a'], [])[0]);
    const pick = (seq: number, request: unknown) => JSON.stringify({ seq, node: 'lb', kind: 'pick', request, backend: 'a' });
    expect(() => readTraceTextSync([header, pick(0, 'r'), pick(0, 'r2')].join('\n') + '\n', 't.jsonl')).toThrow(/seq/);
    try {
      readTraceTextSync([header, pick(0, 5)].join('\n') + '\n', 't.jsonl');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).where).toMatchObject({ file: 't.jsonl', line: 2, field: 'request' });
    }
  });

  it('keeps memory bounded: a 300k-pick round-robin trace holds O(N) state', () => {
    const header = trace('round-robin', ['a', 'b', 'c'], [])[0] as BalancerHeader;
    const checkers = balancerCheckers(header);
    for (let i = 0; i < 300_000; i++) {
      const e = { seq: i, node: 'lb', kind: 'pick' as const, request: `r${i}`, backend: ['a', 'b', 'c'][i % 3] };
      for (const c of checkers) c.event(e, i + 2);
      if (i % 2 === 1) {
        const d = { seq: i, node: 'lb', kind: 'done' as const, request: `r${i - 1}`, backend: ['a', 'b', 'c'][(i - 1) % 3] };
        const d2 = { ...d, request: `r${i}`, backend: ['a', 'b', 'c'][i % 3] };
        for (const c of checkers) { c.event(d, i + 2); c.event(d2, i + 2); }
      }
    }
    const verdicts = checkers.flatMap((c) => c.end());
    expect(verdicts.every((v) => v.status !== 'fail')).toBe(true);
    // The state the checkers hold is independent of trace length: its JSON stays small.
    expect(JSON.stringify(checkers).length).toBeLessThan(20_000);
  });
});
