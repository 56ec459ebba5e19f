import { describe, expect, it } from 'vitest';
import { paxosTlaSystem } from '../../models/paxos/system.ts';
import { BatchExpansion } from './batch-expansion.ts';
import { ComposedSystem } from './compose.ts';
import { fingerprint, type Fingerprint } from './fingerprint.ts';
import { SharedFingerprintSet } from './fingerprint-set.ts';
import { NotInterned } from './intern.ts';
import { SUCCESSOR_HEADER } from './parallel-protocol.ts';

const config = { acceptors: 3, values: 2, ballots: 2 };

/** A request (parallel-protocol.ts) holding `states`. */
function request(states: Uint32Array[]): Uint32Array {
  const stride = states[0].length;
  const req = new Uint32Array(2 + states.length * stride);
  req[0] = states.length;
  req[1] = stride;
  states.forEach((v, i) => req.set(v, 2 + i * stride));
  return req;
}

/** Each state's result: miss flag, successors, and its new successors' vectors. */
function results(out: Uint32Array, states: number): { miss: boolean; successors: number; fresh: Uint32Array[] }[] {
  const found = [];
  let at = 0;
  for (let i = 0; i < states; i++) {
    const [miss, successors, count] = [out[at], out[at + 1], out[at + 2]];
    at += 3;
    const fresh: Uint32Array[] = [];
    for (let s = 0; s < count; s++) {
      const width = out[at + 1];
      fresh.push(out.slice(at + SUCCESSOR_HEADER, at + SUCCESSOR_HEADER + width));
      at += SUCCESSOR_HEADER + width;
    }
    found.push({ miss: miss === 1, successors, fresh });
  }
  return found;
}

const key = (v: Uint32Array) => v.join(',');

describe('batch expansion', () => {
  it('returns each new successor once, across states and batches, and counts every successor', () => {
    const system = new ComposedSystem(paxosTlaSystem(config));
    const visited = new SharedFingerprintSet(SharedFingerprintSet.allocate(1 << 12));
    const init = system.initial();
    const fp: Fingerprint = { hi: 0, lo: 0 };
    fingerprint(init, 0, init.length, fp);
    visited.add(fp.hi, fp.lo);
    const expansion = new BatchExpansion(system, visited);
    const out = new Uint32Array(1 << 16);
    // Two levels: the initial state, then its successors (some share successors).
    expansion.expand(request([init]), out);
    const [first] = results(out, 1);
    const expected: string[] = [];
    system.successors(init, (_code, next) => { if (key(next) !== key(init) && !expected.includes(key(next))) expected.push(key(next)); });
    expect(first.fresh.map(key)).toEqual(expected);
    const level = first.fresh;
    expansion.expand(request(level), out);
    const second = results(out, level.length);
    const seen = new Set([key(init), ...level.map(key)]);
    level.forEach((v, i) => {
      let successors = 0;
      const fresh: string[] = [];
      system.successors(v, (_code, next) => {
        successors++;
        if (!seen.has(key(next))) { seen.add(key(next)); fresh.push(key(next)); }
      });
      expect(second[i]).toEqual({ miss: false, successors, fresh: second[i].fresh });
      expect(second[i].fresh.map(key)).toEqual(fresh);
    });
    // The same batch again: nothing is new.
    expansion.expand(request(level), out);
    expect(results(out, level.length).every((r) => r.fresh.length === 0)).toBe(true);
  });

  it('keeps batch order across groups of states probed together, with misses among them', () => {
    // Levels 0-2 of a breadth-first search, interned; then the replica is frozen, so that
    // states of level 2 need new ids (misses) and those of levels 0-1 expand.
    const system = new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 3 }));
    const levels: Uint32Array[][] = [[system.initial()]];
    const known = new Set([key(levels[0][0])]);
    for (let d = 0; d < 2; d++) {
      const next: Uint32Array[] = [];
      for (const v of levels[d]) system.successors(v, (_code, w) => { if (!known.has(key(w))) { known.add(key(w)); next.push(w.slice()); } });
      levels.push(next);
    }
    system.freeze();
    // Three groups and a part: level-2 states with those of levels 0-1 between them, some twice.
    const [[init], first, second] = levels;
    const batch = [...first, ...second.flatMap((v, i) => [v, i % 3 === 0 ? init : first[i % first.length]])];
    // The order the batch must come out in: each state in turn, a miss if it needs an id.
    const seen = new Set([key(init)]);
    const expected = batch.map((v) => {
      const successors: Uint32Array[] = [];
      try {
        system.successors(v, (_code, w) => { successors.push(w.slice()); });
      } catch (err) {
        if (err instanceof NotInterned) return { miss: true, successors: 0, fresh: [] as string[] };
        throw err;
      }
      const fresh = successors.map(key).filter((k) => k !== key(v) && !seen.has(k));
      for (const k of fresh) seen.add(k);
      return { miss: false, successors: successors.length, fresh: [...new Set(fresh)] };
    });
    expect(expected.filter((r) => r.miss).length).toBeGreaterThan(0);
    expect(expected.filter((r) => !r.miss && r.fresh.length > 0).length).toBeGreaterThan(5);
    const visited = new SharedFingerprintSet(SharedFingerprintSet.allocate(1 << 14));
    const fp: Fingerprint = { hi: 0, lo: 0 };
    fingerprint(init, 0, init.length, fp);
    visited.add(fp.hi, fp.lo);
    const out = new Uint32Array(1 << 18);
    new BatchExpansion(system, visited).expand(request(batch), out);
    expect(results(out, batch.length).map((r) => ({ ...r, fresh: r.fresh.map(key) }))).toEqual(expected);
  });

  it('hands back a state a replica cannot expand without a new id, and inserts none of its successors', () => {
    const system = new ComposedSystem(paxosTlaSystem(config));
    const init = system.initial();
    system.freeze();
    const visited = new SharedFingerprintSet(SharedFingerprintSet.allocate(1 << 12));
    const out = new Uint32Array(1 << 16);
    new BatchExpansion(system, visited).expand(request([init]), out);
    expect(results(out, 1)).toEqual([{ miss: true, successors: 0, fresh: [] }]);
    expect(visited.size).toBe(0);
  });
});
