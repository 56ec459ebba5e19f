/** The hash properties: determinism across instances, balance against the vnode promise, movement and share on an addition, and the kit's CRC-32 / MD5 hashes. */
import { describe, expect, it } from 'vitest';
import { policies } from '../../../src/impl/balancer/index.ts';
import { mutantTrace } from '../../../src/impl/balancer/corpus.ts';
import { mutants } from '../../../src/impl/balancer/mutants.ts';
import { kitConfig, recordTrace } from '../../../src/impl/balancer/record.ts';
import type { Policy } from '../../../src/impl/balancer/types.ts';
import { backendsOf, type WorkloadSpec } from '../../../src/impl/balancer/workload.ts';
import { crc32 } from '../../../models/balancer/hash-functions.ts';
import type { TraceLine } from '../../schema/writer.ts';
import { verifyTrace } from '../run.ts';
import { balancerTrace, verdictOn } from './trace-builder.ts';

/** n backends, 3 picks per key over `keys` keys, one backend added at two thirds. */
function addOne(policy: Policy, n: number, keys: number, instances = 1, seed = 5, hash?: 'crc32' | 'md5'): TraceLine[] {
  const backends = backendsOf(n);
  const spec: WorkloadSpec = { backends, picks: keys * 6, keys, maxInflight: 4, seed, changes: [{ atPick: keys * 3, backends: backendsOf(n + 1) }] };
  const make = (s: number) => policies[policy](backends, s, { hash });
  return [...recordTrace(make(seed), spec, { policy, producer: { name: 't' }, instances: Array.from({ length: instances - 1 }, (_, i) => make(seed + i + 1)), config: { ...kitConfig(policy), ...(hash ? { hash } : {}) } })];
}

const mutant = (name: string) => mutants.find((m) => m.name === name)!;
const fails = (lines: Iterable<TraceLine>) => verifyTrace(lines).verdicts.filter((v) => v.status === 'fail').map((v) => v.property);

describe('hash-deterministic', () => {
  it('two instances of the kit ring agree on all 300 keys; a ring salted per process is caught', () => {
    const v = verdictOn(addOne('consistent-hash', 5, 300, 2), 'hash-deterministic');
    expect(v.status).toBe('pass');
    expect(v.figures.instances).toBe(2);
    expect(verdictOn(mutantTrace(mutant('ch-salted-per-instance')), 'hash-deterministic').status).toBe('fail');
  });

  it('a restarted instance (a new name) that maps k1 elsewhere is caught at its line; one instance alone skips', () => {
    const t = balancerTrace({ policy: 'hash', backends: { a: 1, b: 1 } }, [{ pick: 'a', key: 'k1', instance: 'p1' }, { pick: 'a', key: 'k1', instance: 'p1' }, { pick: 'b', key: 'k1', instance: 'p2' }]);
    const v = verdictOn(t, 'hash-deterministic');
    expect(v.status).toBe('fail');
    expect(v.violations[0].line).toBe(4);
    expect(verdictOn(t, 'hash-stable').status).toBe('pass');
    expect(verdictOn(balancerTrace({ policy: 'hash', backends: { a: 1 } }, [{ pick: 'a', key: 'k' }]), 'hash-deterministic').status).toBe('skip');
  });
});

describe('hash-balance', () => {
  it('the kit ring (64 vnodes per unit weight) stays within its bound on 2,000 keys over 8 backends', () => {
    const v = verdictOn(addOne('consistent-hash', 8, 2000), 'hash-balance');
    expect(v.status).toBe('pass');
    expect(Number(v.figures.maxOverExpected)).toBeLessThan(Number(v.figures.bound));
  });

  it('one ring point per backend while the header promises 64 is caught, with its max/mean above the bound', () => {
    const v = verdictOn(mutantTrace(mutant('ch-one-vnode-per-backend')), 'hash-balance');
    expect(v.status).toBe('fail');
    expect(Number(v.figures.maxOverExpected)).toBeGreaterThan(Number(v.figures.bound));
  });

  it('the same one-point ring passes when the header says vnodes 1 (the promise it keeps)', () => {
    const lines = [...mutantTrace(mutant('ch-one-vnode-per-backend'))].map((l) => ('type' in l && l.type === 'header' && l.protocol === 'balancer' ? { ...l, config: { ...l.config, vnodes: 1 } } : l));
    expect(verdictOn(lines, 'hash-balance').status).toBe('pass');
  });

  it('modulo hashing that sends 60 of 80 keys to one of 4 backends fails; 8 keys are below the minimum sample', () => {
    const keys = Array.from({ length: 80 }, (_, i) => ({ pick: i < 60 ? 'a' : ['b', 'c', 'd'][i % 3], key: `k${i}` }));
    expect(verdictOn(balancerTrace({ policy: 'hash', backends: { a: 1, b: 1, c: 1, d: 1 } }, keys), 'hash-balance').status).toBe('fail');
    const few = verdictOn(balancerTrace({ policy: 'hash', backends: { a: 1, b: 1, c: 1, d: 1 } }, keys.slice(0, 8)), 'hash-balance');
    expect(few.status).toBe('skip');
    expect(few.note).toMatch(/minimum sample/);
  });
});

describe('consistent-hash-add-share and movement on add', () => {
  it('adding a sixth backend to the kit ring moves about 1/6 of 1,200 keys, all onto it', () => {
    const r = verifyTrace(addOne('consistent-hash', 5, 1200)).verdicts;
    const share = r.find((v) => v.property === 'consistent-hash-add-share')!;
    expect(share.status).toBe('pass');
    expect(String(share.figures.add0)).toMatch(/expected 0\.1667/);
    expect(r.find((v) => v.property === 'consistent-hash-movement')!.status).toBe('pass');
  });

  it('a newcomer given one ring point moves far fewer keys and is caught; modulo hashing moves far more and is caught', () => {
    expect(verdictOn(mutantTrace(mutant('ch-newcomer-one-vnode')), 'consistent-hash-add-share').status).toBe('fail');
    const modulo = addOne('hash', 5, 1200).map((l) => ('type' in l && l.type === 'header' && l.protocol === 'balancer' ? { ...l, config: { ...l.config, policy: 'consistent-hash' as const, vnodes: 64 } } : l));
    expect(fails(modulo)).toEqual(expect.arrayContaining(['consistent-hash-movement', 'consistent-hash-add-share']));
  });

  it('a key moving to a backend that only gained weight is allowed; one moving between two unchanged backends is not', () => {
    const base = { policy: 'consistent-hash' as const, backends: { a: 1, b: 1, c: 1 } };
    const grow = balancerTrace(base, [{ pick: 'a', key: 'k' }, { membership: { a: 1, b: 2, c: 1 } }, { pick: 'b', key: 'k' }]);
    expect(verdictOn(grow, 'consistent-hash-movement').status).toBe('pass');
    const sideways = balancerTrace(base, [{ pick: 'a', key: 'k' }, { membership: { a: 1, b: 2, c: 1 } }, { pick: 'c', key: 'k' }]);
    expect(verdictOn(sideways, 'consistent-hash-movement').status).toBe('fail');
  });
});

describe("the kit's hash policies with CRC-32 and MD5", () => {
  it('pass every property with either hash, two instances each', () => {
    for (const policy of ['hash', 'consistent-hash'] as const) {
      for (const hash of ['crc32', 'md5'] as const) expect(fails(addOne(policy, 5, 600, 2, 7, hash)), `${policy} ${hash}`).toEqual([]);
    }
  });

  it('a ring placed by CRC-32 is caught by hash-balance (b1 owns 0.300 of the ring, 64 of 352 points promise 0.182); MD5 and the default pass', () => {
    const backends = [{ id: 'b1', weight: 1 }, { id: 'b2', weight: 3 }, { id: 'b3', weight: 1.5 }];
    const spec: WorkloadSpec = { backends, picks: 1800, keys: 600, maxInflight: 4, seed: 1, changes: [] };
    const record = (hash: 'crc32' | 'md5' | 'fnv1a-fmix32') => recordTrace(policies['consistent-hash'](backends, 1, { hash }), spec, { policy: 'consistent-hash', producer: { name: 't' }, config: { ...kitConfig('consistent-hash'), hash } });
    const crc = verdictOn(record('crc32'), 'hash-balance');
    expect(crc.status).toBe('fail');
    expect(crc.figures.worstBackend).toBe('b1');
    expect(verdictOn(record('md5'), 'hash-balance').status).toBe('pass');
    expect(verdictOn(record('fnv1a-fmix32'), 'hash-balance').status).toBe('pass');
  });

  it('modulo hashing with CRC-32 sends "123456789" to backend number 0xCBF43926 mod 5 = 2 (b3)', () => {
    const b = policies.hash(backendsOf(5), 0, { hash: 'crc32' });
    expect(crc32(new TextEncoder().encode("123456789")) % 5).toBe(2);
    expect(b.pick("r", "123456789").backend).toBe("b3");
  });
});
